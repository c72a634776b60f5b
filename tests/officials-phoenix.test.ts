// The office-holders generated from the Phoenix actor dictionaries (data/gazetteer/
// officials-phoenix.tsv): a named minister or official acts for the state they served, in the
// years they served; rebels and opposition figures are no state. Sentences written for the class.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';

const FILE = new URL('../data/gazetteer/officials-phoenix.tsv', import.meta.url);

function actorsOf(text: string): string[][] {
  return extract({ text, date: '2024-03-15' }).events.map((e) => [...e.actors].sort());
}

describe('the generated office-holder gazetteer', () => {
  const text = readFileSync(FILE, 'utf8');

  it('names its source and the command that made it', () => {
    const header = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
    expect(header).toMatch(/Phoenix\.Countries\.actors\.txt/);
    expect(header).toMatch(/npm run officials/);
  });

  it('holds roles with a state or organisation code and years', () => {
    const rows = text.split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(10000);
    for (const [name, , code, office, start, end] of rows) {
      expect(name).toMatch(/\S \S/);
      expect(code).toMatch(/^[A-Z]{2,5}$/);
      expect(office).toMatch(/^(government|military|legislator|judiciary|police|intelligence|official)$/);
      if (start && end) expect(Number(start)).toBeLessThanOrEqual(Number(end));
    }
  });
});

const rows: [string, string[]][] = [
  // A finance minister of Afghanistan known only to the Phoenix dictionaries.
  ['Omar Zakhilwal met the Iranian foreign minister in Dubai on 3 May 2010.', ['AFG', 'IRN']],
  // The UN Secretary-General is the UN.
  ['Ban Ki-Moon urged Sudan to allow aid workers into Darfur on 12 June 2008.', ['SDN', 'UN']],
  // Zimbabwe's prime minister from 2009.
  ['Morgan Tsvangirai met the South African president in Pretoria on 4 May 2010.', ['ZAF', 'ZWE']],
];

describe('a named office-holder acts for their state', () => {
  it.each(rows)('%s', (text, actors) => {
    expect(actorsOf(text)).toContainEqual(actors);
  });

  it('a rebel leader is no state', () => {
    const found = actorsOf('Abu Mohammad al Jawlani accused Turkey of betrayal on 3 May 2015.');
    expect(found.flat()).not.toContain('SYR');
  });
});
