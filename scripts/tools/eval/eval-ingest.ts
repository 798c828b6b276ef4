/**
 * Scores the ingest on the development corpus: pages of types the seeds do not show, with a careful editor's
 * expectations (../shared/corpus: pages/, gold.json, check.py).
 *
 *   npm run eval:ingest -- [--corpus <dir>] [--min <checks>] [--keep <dir>]
 *
 * Ingests the corpus pages into a fresh folder (no cache), runs the corpus's own checker on it and prints its
 * verdict. Exits 1 when the ingest fails (a line lost, a page unreadable) or fewer than --min checks hold (all of
 * them by default). Without the corpus beside the project it says so and exits 0: the corpus is a development
 * sample, not part of the project.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestDirectory } from '../../ingest/ingestDirectory.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(import.meta.dirname, '../../../../shared/corpus') },
    min: { type: 'string' },
    keep: { type: 'string' },
  },
});

const corpus = resolve(values.corpus);
const pages = join(corpus, 'pages');
if (!existsSync(join(corpus, 'check.py')) || !existsSync(pages)) {
  console.log(`eval:ingest: no corpus at ${corpus}; nothing to score`);
  process.exit(0);
}
const out = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'hyrb-eval-ingest-'));
const summary = await ingestDirectory({ seedsDir: pages, outDir: out });
for (const error of summary.errors) console.error(`error: ${error}`);

let report: string;
try {
  report = execFileSync('python3', [join(corpus, 'check.py'), out, pages], { encoding: 'utf8' });
} catch (error) {
  // The checker exits 1 when any check fails; its report is still what it printed.
  report = String((error as { stdout?: string }).stdout ?? '');
}
if (!values.keep) rmSync(out, { recursive: true, force: true });
process.stdout.write(report);

const verdict = /ingest: (\d+)\/(\d+) checks hold/u.exec(report);
if (!verdict) {
  console.error('eval:ingest: the checker printed no verdict');
  process.exit(1);
}
const [held, total] = [Number(verdict[1]), Number(verdict[2])];
const needed = values.min === undefined ? total : Number(values.min);
if (summary.errors.length > 0 || held < needed) {
  console.error(`eval:ingest: ${held} of ${total} checks hold; ${needed} needed`);
  process.exit(1);
}
console.log(`eval:ingest: ok, ${held} of ${total} checks hold (${needed} needed)`);
