// The agent nouns generated from the Phoenix agents dictionary (data/gazetteer/titles-phoenix.tsv):
// a state's organ named with the state is an official mention of that state. Sentences written
// for the class.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

const FILE = new URL('../data/gazetteer/titles-phoenix.tsv', import.meta.url);

describe('the generated agent nouns', () => {
  const text = readFileSync(FILE, 'utf8');
  it('name their source and the command that made them, and hold no other sector', () => {
    expect(text).toMatch(/Phoenix\.agents\.txt/);
    expect(text).toMatch(/npm run titles/);
    const rows = text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1)
      .map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(500);
    for (const [, group] of rows) expect(group).toMatch(/^(official|military)$/);
    const titles = new Set(rows.map(([t]) => t));
    for (const notState of ['journalist', 'rebel', 'businessman', 'farmer', 'prison'])
      expect(titles.has(notState)).toBe(false);
  });
});

const rows: [string, string, string][] = [
  ['The Ministry of Defence of Chile said so on Monday.', 'Ministry of Defence of Chile', 'CHL'],
  ['The riot police of Kenya fired tear gas.', 'riot police of Kenya', 'KEN'],
  ['A Turkish naval officer boarded the ship.', 'Turkish naval officer', 'TUR'],
  ['Military spokesman of Nigeria Colonel Musa spoke.', 'Military spokesman of Nigeria', 'NGA'],
];

describe('a state’s organ named with the state', () => {
  it.each(rows)('%s', (text, span, code) => {
    const found = findActors(text, splitSentences(text)).map((m) => [m.text, m.code, m.how]);
    expect(found).toContainEqual([span, code, 'official']);
  });
});
