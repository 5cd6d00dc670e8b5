import { withHelp } from './args.js';
import type { Command } from './commands.js';

// The texts of `callmatrix --help` and `callmatrix COMMAND --help`, built from
// the same table the parser uses, so they cannot disagree.

export function usageLine(name: string, command: Command): string {
  const positionals = command.positionals.map((p) => ` ${p.name}`).join('');
  const options = Object.entries(command.options)
    .map(
      ([flag, option]) =>
        ` [--${flag}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}]`,
    )
    .join('');
  return `callmatrix ${name}${positionals}${options}`;
}

export function mainHelp(commands: Readonly<Record<string, Command>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(
    ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
  );
  return [
    'usage: callmatrix COMMAND [options]',
    '',
    'commands:',
    ...lines,
    '',
    'options:',
    '  -h, --help     show help (callmatrix COMMAND --help for a command)',
    '  -v, --version  print the version',
    '',
    'serve, worker and check read .env in the working directory (flags > environment > .env > defaults).',
    '',
  ].join('\n');
}

export function commandHelp(name: string, command: Command): string {
  const lines = [`usage: ${usageLine(name, command)}`, '', command.summary];
  if (command.details) lines.push('', command.details);
  if (command.positionals.length > 0) {
    lines.push('', 'arguments:');
    for (const positional of command.positionals)
      lines.push(`  ${positional.name.padEnd(22)}  ${positional.description}`);
  }
  lines.push('', 'options:');
  for (const [flag, option] of Object.entries(withHelp(command))) {
    const left = `${option.short ? `-${option.short}, ` : ''}--${flag}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
    lines.push(`  ${left.padEnd(22)}  ${option.description}`);
  }
  return `${lines.join('\n')}\n`;
}
