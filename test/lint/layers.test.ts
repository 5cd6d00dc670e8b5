import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Issue 9 item 2: the import rules of docs/architecture.md bite. Each case
// lints one import, as if written in the named file, with the rules `npm run
// lint` applies (eslint.layers.js), and expects the refusal or its absence.

const repo = join(import.meta.dirname, '..', '..');
const { layerRules } = (await import(pathToFileURL(join(repo, 'eslint.layers.js')).href)) as {
  layerRules: Linter.Config[];
};

const eslint = new ESLint({
  cwd: repo,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    ...layerRules,
  ],
});

async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repo, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layers point down (lint)', () => {
  const refused: Array<[string, string]> = [
    ['src/engine/decide.ts', "import type { CrmPort } from '../crm/port.js';"],
    ['src/engine/defaults/zoho.ts', "import { openStore } from '../../store/open.js';"],
    ['src/domain/plan.ts', "import { decide } from '../engine/decide.js';"],
    ['src/store/store.ts', "import type { CallMemory } from '../engine/memory.js';"],
    ['src/store/sqlite/db.ts', "import { runEvent } from '../../pipeline/run.js';"],
    ['src/store/store.ts', "import { CRMS } from '../crm/registry.js';"],
    ['src/crm/zoho/adapter.ts', "import { main } from '../../cli/main.js';"],
    [
      'src/crm/zoho/adapter.ts',
      "import { startZohoEmulator } from '../../../emulators/zoho/index.js';",
    ],
    ['src/crm/registry.ts', "export { simulate } from '../sandbox/simulate.js';"],
    ['src/pipeline/run.ts', "import { CRMS } from '../crm/registry.js';"],
    ['src/pipeline/execute.ts', "import type { CrmPort } from '../crm/port.js';"],
    ['src/service/admin/dry-run.ts', "import { runSimulate } from '../../cli/simulate.js';"],
    ['src/service/app.ts', "import { simulate } from '../sandbox/simulate.js';"],
    ['src/worker/worker.ts', "import { buildApp } from '../service/app.js';"],
    ['src/sandbox/via-http.ts', "import { canonicalRun } from '../../test/via-http/canonical.js';"],
    ['emulators/zoho/index.ts', "import { CrmError } from '../../src/crm/port.js';"],
    ['emulators/shared/listen.ts', "import { fitTexts } from '../../src/crm/capabilities.js';"],
    ['web/src/api.ts', "import type { Matrix } from '../../src/domain/matrix.js';"],
  ];
  for (const [file, code] of refused) {
    it(`refuses in ${file}: ${code}`, async () => {
      const messages = await refusals(file, code);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(
        /^no-restricted-imports: .*(layers point down|emulators\/ import nothing|web\/ talks)/,
      );
    });
  }

  const accepted: Array<[string, string]> = [
    ['src/engine/decide.ts', "import type { Event } from '../domain/events.js';"],
    ['src/engine/defaults/zoho.ts', "import type { MatrixInput } from '../../domain/matrix.js';"],
    ['src/crm/zoho/index.ts', "import { zoho } from '../../engine/defaults/zoho.js';"],
    ['src/crm/zoho/adapter.ts', "import { HttpClient } from '../http/client.js';"],
    ['src/pipeline/execute.ts', "import type { CrmPort } from './crm-port.js';"],
    ['src/crm/port.ts', "export * from '../pipeline/crm-port.js';"],
    [
      'src/sandbox/emulators.ts',
      "import { startZohoEmulator } from '../../emulators/zoho/index.js';",
    ],
    ['src/service/crm-registry.ts', "import { CRMS } from '../crm/registry.js';"],
    ['src/cli/simulate.ts', "import { simulate } from '../sandbox/simulate.js';"],
    ['emulators/zoho/neutral.ts', "import type { Snapshot } from '../../src/domain/snapshot.js';"],
    ['web/src/api.ts', "import { createApiClient } from '../../api-client/index';"],
    // A test may reach whatever it checks.
    ['src/engine/decide.test.ts', "import { MemoryCrm } from '../crm/memory/adapter.js';"],
  ];
  for (const [file, code] of accepted) {
    it(`accepts in ${file}: ${code}`, async () => {
      expect(await refusals(file, code)).toEqual([]);
    });
  }

  it('the project config applies the rules (npm run lint)', async () => {
    const project = new ESLint({ cwd: repo });
    for (const file of [
      'src/engine/decide.ts',
      'src/crm/zoho/adapter.ts',
      'emulators/zoho/index.ts',
    ]) {
      const config = (await project.calculateConfigForFile(join(repo, file))) as Linter.Config;
      expect(config.rules?.['no-restricted-imports']).toBeDefined();
    }
  });
});
