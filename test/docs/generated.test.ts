import { describe, expect, it } from 'vitest';
import { current, GENERATED } from '../../scripts/docs/generated.js';

// The committed schemas, configuration page, .env.example and default-matrix
// tables are exactly what the code generates: `npm run docs` after a change.

describe('generated docs are current', () => {
  it.each(GENERATED.map((file) => file.path))('%s', (path) => {
    const file = GENERATED.find((candidate) => candidate.path === path);
    const committed = current(path);
    expect(committed, `${path} is missing`).not.toBe('');
    expect(committed, `${path} is out of date: run npm run docs`).toBe(file?.render(committed));
  });
});
