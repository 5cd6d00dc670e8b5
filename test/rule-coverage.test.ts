import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every rule ID of behaviour.md is either named by a test or listed in the
// README's "Not yet covered" section with its reason (issue: "Every rule ID …").

const repo = join(import.meta.dirname, '..');
const spec = readFileSync(join(repo, '..', 'shared', 'spec', 'behaviour.md'), 'utf8');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

const normalise = (text: string): string =>
  text.replace(/\b(ZO|RC|PD|SF)-0*(\d+)/g, '$1-$2').replace(/\b([GD])0*(\d+)\b/g, '$1$2');

function testTexts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...testTexts(path));
    else if (
      /\.test\.ts$/.test(name) ||
      (path.includes(join('test', 'scenarios')) && name.endsWith('.json'))
    )
      out.push(`${name}\n${readFileSync(path, 'utf8')}`);
  }
  return out;
}

const ids = [
  ...new Set(
    [...spec.matchAll(/\b(?:ZO|RC|PD|SF)-\d+\b|\*\*([GD]\d+)\b/g)].map((m) => m[1] ?? m[0]),
  ),
];
const corpus = normalise(testTexts(repo).join('\n'));
const notCovered = readme.split('## Not yet covered')[1]?.split('\n## ')[0] ?? '';

describe('rule coverage', () => {
  it('reads the rule IDs of behaviour.md', () => {
    expect(ids.length).toBeGreaterThan(90);
  });

  it.each(ids)('%s is named by a test or listed as not yet covered', (id) => {
    const named = new RegExp(`\\b${id}\\b`).test(corpus);
    const listed = new RegExp(`\\*\\*${id}\\*\\*`).test(notCovered);
    expect(named || listed, `${id}: no test names it and the README does not list it`).toBe(true);
  });
});
