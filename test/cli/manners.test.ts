import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import packageJson from '../../package.json' with { type: 'json' };
import { runChild, runMain } from './run-cli.js';

// Issue 12 item 3: help, version, and one line with exit 2 for anything the CLI does not understand.

describe('callmatrix help and version', () => {
  it('--help lists every command and exits 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const run = await runMain([flag]);
      expect(run.code).toBe(0);
      for (const name of Object.keys(COMMANDS))
        expect(run.stdout).toMatch(new RegExp(`\\n  ${name} `));
    }
  });

  it('COMMAND --help shows the usage of that command and exits 0', async () => {
    for (const name of Object.keys(COMMANDS)) {
      const run = await runMain([name, '--help']);
      expect(run.code, name).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^usage: callmatrix ${name}`));
      for (const flag of Object.keys(COMMANDS[name]?.options ?? {}))
        expect(run.stdout).toContain(`--${flag}`);
    }
    expect((await runMain(['help', 'serve'])).stdout).toContain('--port N');
  });

  it('--version prints the package version', async () => {
    expect(await runMain(['--version'])).toEqual({
      code: 0,
      stdout: `${packageJson.version}\n`,
      stderr: '',
    });
  });

  it('no command prints the usage to stderr and exits 2', async () => {
    const run = await runMain([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: callmatrix COMMAND');
  });
});

describe('callmatrix refuses what it does not understand, in one line', () => {
  const cases: [string[], RegExp][] = [
    [['simualte', 'x.json'], /^callmatrix: unknown command "simualte"; did you mean "simulate"\?/],
    [['--verison'], /^callmatrix: unknown option --verison; did you mean --version\?/],
    [
      ['simulate', 'x.json', '--bogus'],
      /^callmatrix simulate: unknown option --bogus; did you mean --/,
    ],
    [['simulate', 'x.json', '--vai', 'http'], /unknown option --vai; did you mean --via\?/],
    [['simulate', 'x.json', '--via=htp'], /--via: unknown value "htp"; did you mean "http"\?/],
    [['simulate', 'x.json', '--via'], /--via needs a value/],
    [['simulate'], /missing SCENARIO_FILE/],
    [['simulate', 'a.json', 'b.json'], /unexpected argument "b.json"/],
    [['emulate', 'zoho', '--prot', '18399'], /unknown option --prot; did you mean --port\?/],
    [['emulate', 'zohoo'], /unknown CRM "zohoo"; did you mean "zoho"\?/],
    [['serve', '--prot', '1'], /unknown option --prot; did you mean --port\?/],
    [['serve', 'now'], /unexpected argument "now"/],
    [['worker', '--port', '1'], /unknown option --port; did you mean --/],
    [['init', '--crm', 'hubspot'], /--crm: unknown value "hubspot"/],
    [['check'], /missing PROJECT_FILE/],
    [['serve', '--help=yes'], /--help takes no value/],
  ];
  it.each(cases)('%j', async (argv, message) => {
    const run = await runMain(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});

describe('a taken port', () => {
  it('is one line and exit 1, for serve and emulate', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      for (const argv of [
        ['emulate', 'zoho', '--port', String(port)],
        ['serve', '--port', String(port), '--database-url', 'sqlite::memory:'],
      ]) {
        const run = await runChild(argv, {
          env: {
            CALLMATRIX_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
            CALLMATRIX_ADMIN_KEY: 'an-operator-key-for-this-test',
          },
        });
        expect(run.code, argv.join(' ')).toBe(1);
        expect(run.stderr).toBe(
          `callmatrix ${argv[0]}: 127.0.0.1:${port} is already in use (choose another with --port)\n`,
        );
      }
    } finally {
      blocker.close();
    }
  }, 120_000); // two CLI processes from source: slow on a loaded machine
});
