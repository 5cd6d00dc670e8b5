// The import rules of docs/architecture.md, as ESLint's own no-restricted-imports
// (no plugin: the rule ships with ESLint 10 and matches the relative specifiers
// this code base uses exactly, one block per folder and depth).
//
// Layers point down: a folder of src/ may import only the folders listed for it.
// Test files (*.test.ts) are exempt: a test may reach whatever it checks.

/** What each folder of src/ may import, besides itself. */
export const LAYERS = {
  domain: [],
  config: ['domain'],
  sources: ['domain'],
  engine: ['domain'],
  pipeline: ['domain', 'engine'],
  // The store persists domain types: no engine internals, pipeline, crm or cli.
  store: ['domain'],
  crm: ['domain', 'engine', 'pipeline'],
  worker: ['domain', 'config', 'engine', 'pipeline', 'store', 'crm'],
  sandbox: ['domain', 'engine', 'pipeline', 'crm'],
  service: ['domain', 'config', 'sources', 'engine', 'pipeline', 'store', 'crm', 'worker'],
  cli: [
    'domain',
    'config',
    'sources',
    'engine',
    'pipeline',
    'store',
    'crm',
    'worker',
    'sandbox',
    'service',
  ],
};

/** Folders of src/ that may import the CRM emulators (emulators/): the sandbox starts them. */
const MAY_IMPORT_EMULATORS = new Set(['sandbox']);

/** Named exceptions (folder → paths below a forbidden folder it may import); none today. */
const EXCEPTIONS = {};

const MAX_DEPTH = 6;
const TESTS = ['**/*.test.ts'];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function srcBlocks() {
  const folders = Object.keys(LAYERS);
  const blocks = [];
  for (const folder of folders) {
    const allowed = LAYERS[folder];
    const forbidden = folders.filter((other) => other !== folder && !allowed.includes(other));
    const exceptions = (EXCEPTIONS[folder] ?? []).map(escape);
    const message =
      `src/${folder} may import only ${allowed.length > 0 ? allowed.map((f) => `src/${f}`).join(', ') : 'itself'}` +
      `${MAY_IMPORT_EMULATORS.has(folder) ? ' and emulators/' : ''}: layers point down (docs/architecture.md)`;
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const up = `(\\.\\./){${depth}}`;
      const patterns = [];
      if (forbidden.length > 0) {
        const except = exceptions.length > 0 ? `(?!(${exceptions.join('|')})(\\.js)?$)` : '';
        patterns.push({ regex: `^${up}${except}(${forbidden.join('|')})(/|$)`, message });
      }
      // Above src/: emulators (the sandbox only), test harness, benchmarks, scripts.
      const outside = MAY_IMPORT_EMULATORS.has(folder) ? '(?!emulators/)' : '';
      patterns.push({ regex: `^${up}\\.\\./${outside}`, message });
      blocks.push({
        files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
        ignores: TESTS,
        rules: { 'no-restricted-imports': ['error', { patterns }] },
      });
    }
  }
  return blocks;
}

/** The emulators stand in for the CRMs: they import nothing of src/ but domain types and helpers. */
const emulatorBlock = {
  files: ['emulators/**/*.ts'],
  ignores: TESTS,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(\\.\\./)+src/(?!domain/)',
            message: 'emulators/ import nothing from src/ but src/domain (docs/architecture.md)',
          },
        ],
      },
    ],
  },
};

/** The admin web app talks to the service over /v1 only: its types come from api-client/, never src/. */
const webBlock = {
  files: ['web/**/*.ts', 'web/**/*.tsx'],
  ignores: TESTS,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(\\.\\./)+(src|emulators|test|scripts)/',
            message:
              'web/ talks to the service over /v1 only: import api-client/, never src/ (docs/architecture.md)',
          },
        ],
      },
    ],
  },
};

export const layerRules = [...srcBlocks(), emulatorBlock, webBlock];
