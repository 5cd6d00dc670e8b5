import { parseArgs } from 'node:util';
import { nearest } from './nearest.js';

// Strict parsing of one command's arguments (node:util parseArgs): an unknown
// flag, a missing value or a stray argument is one line naming it and the
// nearest valid flag, never ignored.

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** The value's placeholder in the help (`N`, `URL`). Strings only. */
  readonly value?: string;
  readonly short?: string;
  readonly description: string;
  /** The only values accepted, if the option is a choice. */
  readonly choices?: readonly string[];
}

export interface PositionalSpec {
  readonly name: string;
  readonly description: string;
  /** The only values accepted, if the argument is a choice. */
  readonly choices?: readonly string[];
}

export interface ArgsSpec {
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positionals: readonly PositionalSpec[];
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

export type ArgsResult =
  | { readonly ok: true; readonly args: ParsedArgs }
  | { readonly ok: false; readonly message: string };

/** Every command takes --help / -h besides its own options. */
const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

export function withHelp(spec: ArgsSpec): Readonly<Record<string, OptionSpec>> {
  return { ...spec.options, help: HELP };
}

export function parseCommandArgs(spec: ArgsSpec, argv: readonly string[]): ArgsResult {
  const options = withHelp(spec);
  const flags = Object.keys(options).map((name) => `--${name}`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(options).map(([name, option]) => [
          name,
          option.short ? { type: option.type, short: option.short } : { type: option.type },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { ok: false, message: parseErrorLine(error, flags) };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['help'] === true) return { ok: true, args: { values, positionals: [] } };
  for (const [name, option] of Object.entries(options)) {
    const value = values[name];
    if (typeof value === 'string' && option.choices && !option.choices.includes(value))
      return {
        ok: false,
        message: `--${name}: unknown value "${value}"; did you mean "${nearest(value, option.choices)}"? (one of ${option.choices.join(', ')})`,
      };
  }
  const { positionals } = parsed;
  const expected = spec.positionals;
  if (positionals.length > expected.length) {
    const extra = positionals[expected.length] ?? '';
    return {
      ok: false,
      message:
        expected.length === 0
          ? `unexpected argument "${extra}" (this command takes none)`
          : `unexpected argument "${extra}" (expected only ${expected.map((p) => p.name).join(' ')})`,
    };
  }
  for (const [index, positional] of expected.entries()) {
    const value = positionals[index];
    if (value === undefined) return { ok: false, message: `missing ${positional.name}` };
    if (positional.choices && !positional.choices.includes(value))
      return {
        ok: false,
        message: `unknown ${positional.name} "${value}"; did you mean "${nearest(value, positional.choices)}"? (one of ${positional.choices.join(', ')})`,
      };
  }
  return { ok: true, args: { values, positionals } };
}

/** parseArgs' errors are long and suggest `--`; ours name the flag and its nearest valid one. */
function parseErrorLine(error: unknown, flags: readonly string[]): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // "Unknown option '--prot'", "Option '-h, --help' does not take an argument": the long form if named.
  const flag = /'(?:-\w, )?(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const bare = flag.split('=')[0] ?? flag;
    const hint = nearest(bare.startsWith('--') ? bare : `--${bare.replace(/^-+/, '')}`, flags);
    return `unknown option ${bare}; did you mean ${hint}?`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take an argument')
      ? `${flag} takes no value`
      : `${flag} needs a value`;
  }
  return message.split('\n')[0] ?? message;
}
