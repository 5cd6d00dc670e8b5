import { parseCommandArgs } from './args.js';
import { COMMANDS, type Io } from './commands.js';
import { loadEnvFile } from './env-file.js';
import { commandHelp, mainHelp } from './help.js';
import { nearest } from './nearest.js';
import { packageVersion } from './package-root.js';

// The CLI's front door: help, version, strict arguments (exit 2 with one line
// naming what was wrong and the nearest valid word), .env, and one line for a
// port that is taken. Each command lives in its own file.

const GLOBAL_FLAGS = ['--help', '--version'];

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [word, ...rest] = argv;
  const names = Object.keys(COMMANDS);
  if (word === undefined) {
    io.err(mainHelp(COMMANDS).trimEnd());
    return 2;
  }
  if (word === '--help' || word === '-h' || word === 'help') {
    const topic = rest[0];
    const command = topic === undefined ? undefined : COMMANDS[topic];
    if (topic !== undefined && !command) return unknownCommand(topic, names, io);
    io.out(command && topic ? commandHelp(topic, command) : mainHelp(COMMANDS));
    return 0;
  }
  if (word === '--version' || word === '-v' || word === 'version') {
    io.out(`${packageVersion()}\n`);
    return 0;
  }
  const command = COMMANDS[word];
  if (!command) {
    if (word.startsWith('-')) {
      io.err(`callmatrix: unknown option ${word}; did you mean ${nearest(word, GLOBAL_FLAGS)}?`);
      return 2;
    }
    return unknownCommand(word, names, io);
  }
  const parsed = parseCommandArgs(command, rest);
  if (!parsed.ok) {
    io.err(`callmatrix ${word}: ${parsed.message} (see callmatrix ${word} --help)`);
    return 2;
  }
  if (parsed.args.values['help'] === true) {
    io.out(commandHelp(word, command));
    return 0;
  }
  if (command.readsEnvFile) {
    const loaded = loadEnvFile();
    if (loaded.kind === 'unreadable') {
      io.err(`callmatrix ${word}: cannot read ${loaded.path}: ${loaded.message}`);
      return 2;
    }
  }
  try {
    return await command.run(parsed.args, io);
  } catch (error) {
    const taken = portTaken(error);
    if (!taken) throw error;
    io.err(`callmatrix ${word}: ${taken} is already in use (choose another with --port)`);
    return 1;
  }
}

function unknownCommand(word: string, names: readonly string[], io: Io): number {
  io.err(
    `callmatrix: unknown command "${word}"; did you mean "${nearest(word, names)}"? (callmatrix --help lists them)`,
  );
  return 2;
}

/** `host:port` of a listen that failed because the address is taken, else null. */
export function portTaken(error: unknown): string | null {
  const { code, address, port } = (error ?? {}) as {
    code?: unknown;
    address?: unknown;
    port?: unknown;
  };
  if (code !== 'EADDRINUSE') return null;
  return `${typeof address === 'string' ? address : 'the address'}:${typeof port === 'number' ? port : '?'}`;
}

function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (line) => void process.stderr.write(`${line}\n`),
  };
}
