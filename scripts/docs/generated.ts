import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventsJsonSchema } from '../../src/service/schemas/events.js';
import { projectJsonSchema } from '../../src/service/schemas/project.js';
import { renderConfiguration, renderEnvExample } from './configuration.js';
import { renderDefaultMatrices } from './matrix.js';

// Every file, or marked part of a file, that is generated from the code: what
// `npm run docs` writes and test/docs/generated.test.ts compares.

export const REPO = join(import.meta.dirname, '..', '..');

export interface Generated {
  /** Relative to the repository. */
  readonly path: string;
  /** The file's whole content as it should be, given its current content. */
  render(current: string): string;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Replaces what lies between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function section(name: string, render: () => string): (current: string) => string {
  return (current) => {
    const open = `<!-- generated:${name} (npm run docs) -->`;
    const close = `<!-- /generated:${name} -->`;
    const start = current.indexOf(open);
    const end = current.indexOf(close);
    if (start < 0 || end < start) throw new Error(`markers ${open} … ${close} not found`);
    return `${current.slice(0, start + open.length)}\n\n${render()}\n\n${current.slice(end)}`;
  };
}

export const GENERATED: readonly Generated[] = [
  { path: 'schemas/project.json', render: () => json(projectJsonSchema()) },
  { path: 'schemas/events.json', render: () => json(eventsJsonSchema()) },
  { path: 'docs/configuration.md', render: () => renderConfiguration() },
  { path: '.env.example', render: () => renderEnvExample() },
  { path: 'docs/matrix.md', render: section('default-matrices', renderDefaultMatrices) },
];

export function current(path: string): string {
  try {
    return readFileSync(join(REPO, path), 'utf8');
  } catch {
    return '';
  }
}
