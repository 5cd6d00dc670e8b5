import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every rule ID of the catalogue (docs/rules.md, the source of truth) is either named
// by a test or listed in its "Not yet covered" section with the reason. Reads nothing
// outside the repository, so it passes in any clone.

const repo = join(import.meta.dirname, '..');
const catalogue = readFileSync(join(repo, 'docs', 'rules.md'), 'utf8');

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

const [rules = '', notCovered = ''] = catalogue.split('## Not yet covered');
/** One rule a line: `- **ZO-1** one sentence.` */
const entries = [...rules.matchAll(/^- \*\*((?:ZO|RC|PD|SF)-\d+|[GD]\d+)\*\* (.+)$/gm)];
const ids = entries.map((m) => m[1] ?? '');
const corpus = normalise(testTexts(repo).join('\n'));

describe('rule coverage', () => {
  it('reads every rule of docs/rules.md, each once and with its sentence', () => {
    // 18 Zoho, 18 retailCRM, 14 Pipedrive, 13 Salesforce, 15 G and 16 D rules.
    expect(ids).toHaveLength(94);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of entries) expect(entry[2]?.length ?? 0).toBeGreaterThan(20);
  });

  it.each(ids)('%s is named by a test or listed as not yet covered', (id) => {
    const named = new RegExp(`\\b${id}\\b`).test(corpus);
    const listed = new RegExp(`\\*\\*${id}\\*\\*`).test(notCovered);
    expect(
      named || listed,
      `${id}: no test names it and docs/rules.md does not list it as not yet covered`,
    ).toBe(true);
  });
});
