import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist.*', '.astro/', 'node_modules/', 'bench-out/', '.cache/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // node:test's describe/test return promises the runner itself awaits.
    files: ['tests/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'test', 'it', 'suite'] },
          ],
        },
      ],
    },
  },
  // The pipeline's boundaries: the site never reaches into the build scripts, and nothing on the build path
  // (ingest, indexer, build, site) reaches into the tools that measure it. Tests may import anything.
  {
    files: ['src/**/*.{ts,astro,mjs,js}', 'astro.config.mjs'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/scripts/**'], message: 'src/ is the site: it never imports scripts/.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|\\/)scripts\\//]',
          message: 'src/ is the site: it never imports scripts/.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts'],
    ignores: ['scripts/tools/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tools/**'],
              message: 'The build path never imports scripts/tools/ (bench, eval, browser measurement).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|\\/)tools\\//]',
          message: 'The build path never imports scripts/tools/.',
        },
      ],
    },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
