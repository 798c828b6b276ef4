/**
 * The content schema is the front-matter contract: a bad field fails
 * `astro build` with a message that names the file and the field.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { REPO_ROOT } from './support/site.ts';

const FIXTURES = join(REPO_ROOT, 'tests/fixtures/content');
const work = mkdtempSync(join(tmpdir(), 'schema-'));

after(() => rmSync(work, { recursive: true, force: true }));

/** Builds the site from a copy of the fixture articles with one file's front matter changed. */
function buildWith(file: string, edit: (markdown: string) => string): { status: number | null; output: string } {
  const content = mkdtempSync(join(work, 'content-'));
  cpSync(FIXTURES, content, { recursive: true }); // the articles and the page records (pages/)
  writeFileSync(join(content, file), edit(readFileSync(join(FIXTURES, file), 'utf8')));
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ARCHIVE_CONTENT_DIR: content, ARCHIVE_OUT_DIR: join(content, 'dist'), NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const victim = readdirSync(FIXTURES).filter((name) => name.endsWith('.md'))[0];

void test('a date that is not YYYY-MM-DD fails the build, naming the file and the field', () => {
  const { status, output } = buildWith(victim, (md) => md.replace(/^date: .*$/mu, 'date: "2020-13-45"'));
  assert.notEqual(status, 0, 'the build succeeded with a bad date');
  assert.match(output, new RegExp(victim.replace('.md', '')));
  assert.match(output, /date/u);
});

void test('an unknown kind fails the build, naming the file and the field', () => {
  const { status, output } = buildWith(victim, (md) => md.replace(/^kind: .*$/mu, 'kind: "editorial"'));
  assert.notEqual(status, 0, 'the build succeeded with an unknown kind');
  assert.match(output, new RegExp(victim.replace('.md', '')));
  assert.match(output, /kind/u);
});
