// The office-holders generated from the Phoenix actor dictionaries (data/gazetteer/
// officials-phoenix.tsv): persons with dated roles of a state's organs or of an IGO.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FILE = new URL('../data/gazetteer/officials-phoenix.tsv', import.meta.url);

describe('the generated office-holder gazetteer', () => {
  const text = readFileSync(FILE, 'utf8');

  it('names its source and the command that made it', () => {
    const header = text
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .join('\n');
    expect(header).toMatch(/Phoenix\.Countries\.actors\.txt/);
    expect(header).toMatch(/npm run officials/);
  });

  it('holds roles with a state or organisation code and years', () => {
    const rows = text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1)
      .map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(10000);
    for (const [name, , code, office, start, end] of rows) {
      expect(name).toMatch(/\S \S/);
      expect(code).toMatch(/^[A-Z]{2,5}$/);
      expect(office).toMatch(
        /^(government|military|legislator|judiciary|police|intelligence|official)$/,
      );
      if (start && end) expect(Number(start)).toBeLessThanOrEqual(Number(end));
    }
  });
});
