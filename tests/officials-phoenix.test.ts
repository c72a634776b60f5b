// The office-holders generated from the Phoenix actor dictionaries (data/gazetteer/
// officials-phoenix.tsv): one person a line with the dated roles they held for a state or an IGO,
// read into a compact index (src/extract/actors/office-holders.ts). A named office-holder acts for
// the state they served in the year the text is about; out of office, or a name two people
// share, they act for no one. Sentences written for the class.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import { words } from '../src/extract/actors/matcher.ts';
import { OfficeHolders } from '../src/extract/actors/office-holders.ts';
import { extract } from '../src/extract/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';
import { ExtractPool } from '../src/services/workers/extract-pool.ts';

const FILE = new URL('../data/gazetteer/officials-phoenix.tsv', import.meta.url);

describe('the generated office-holder gazetteer', () => {
  const text = readFileSync(FILE, 'utf8');
  const rows = text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split('\t'));

  it('names its source and the command that made it', () => {
    const header = text
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .join('\n');
    expect(header).toMatch(/Phoenix\.Countries\.actors\.txt/);
    expect(header).toMatch(/npm run officials/);
  });

  it('holds one line a person: names of two words or more, roles with a code and years', () => {
    expect(rows.length).toBeGreaterThan(10000);
    const names = new Set<string>();
    for (const [name, variants, roles] of rows) {
      expect(name).toMatch(/\S \S/);
      expect(names.has(name!)).toBe(false);
      names.add(name!);
      for (const v of variants ? variants.split(';') : []) expect(v).toMatch(/\S \S/);
      for (const role of roles!.split(';')) {
        const m = /^([A-Z]{2,5}) (\d{4})?-(\d{4})?$/.exec(role);
        expect(m, role).not.toBeNull();
        if (m![2] && m![3]) expect(Number(m![2])).toBeLessThanOrEqual(Number(m![3]));
      }
    }
  });

  it('leaves out names too common to be one person and names with a title inside', () => {
    const names = new Set(rows.map(([name]) => name));
    for (const common of ['Abdul Ali', 'Jorge Rodriguez', 'Mohamed Ahmed', 'Peter David'])
      expect(names.has(common), common).toBe(false);
    for (const name of names) expect(name).not.toMatch(/\b(?:Minister|Acting|President)\b/);
  });
});

describe('the office-holder index', () => {
  // A small file of the generated format, with invented people.
  const index = new OfficeHolders(
    [
      '# invented office-holders',
      'name\tvariants\troles',
      'Tomas Verhoeven\tTom Verhoeven\tNLD 2001-2006;EU 2007-',
      'Amina Okafor Bello\t\tNGA 1999-2003',
      'Karl Lind Berg\t\tSWE 1990-1994;NOR 1992-1996',
      'Tomas Verhoeven Jansen\t\tBEL -2004',
      // A variant shared by two lines names two people: it stays unread.
      'Piet de Wit\tP. de Wit\tNLD 1980-1985',
      'Paul de Wit\tP. de Wit\tBEL 1990-1995',
    ].join('\n'),
  );
  const longest = (text: string, at = 0) => {
    const m = index.longest(text, words(text), at);
    return m ? { last: m.last, name: m.forms[0]!.text, terms: m.forms[0]!.terms } : null;
  };

  const rows: [string, number, number | null, string | null][] = [
    ['Tomas Verhoeven spoke.', 0, 1, 'Tomas Verhoeven'],
    ['Tom Verhoeven spoke.', 0, 1, 'Tomas Verhoeven'],
    // The longest name wins.
    ['Tomas Verhoeven Jansen spoke.', 0, 2, 'Tomas Verhoeven Jansen'],
    ['TOMAS VERHOEVEN spoke.', 0, 1, 'Tomas Verhoeven'],
    ['Then Amina Okafor Bello spoke.', 1, 3, 'Amina Okafor Bello'],
    // A first word alone, a name cut short, a lowercase start: nothing.
    ['Amina Okafor spoke.', 0, null, null],
    ['Tomas spoke.', 0, null, null],
    ['tomas verhoeven spoke.', 0, null, null],
    // A name across a sentence end is not one.
    ['It was Tomas. Verhoeven spoke.', 2, null, null],
    ['P. de Wit spoke.', 0, null, null],
    ['Piet de Wit spoke.', 0, 2, 'Piet de Wit'],
  ];
  it.each(rows)('%s (from token %i) → last token %s, %s', (text, at, last, name) => {
    const m = longest(text, at);
    expect(m ? { last: m.last, name: m.name } : null).toEqual(
      last === null ? null : { last, name },
    );
  });

  it('reads roles with open years', () => {
    expect(longest('Tomas Verhoeven Jansen')!.terms).toEqual([
      {
        person: 'Tomas Verhoeven Jansen',
        code: 'BEL',
        office: 'official',
        start: -Infinity,
        end: 2004,
      },
    ]);
    expect(longest('Tomas Verhoeven')!.terms!.map((t) => [t.code, t.start, t.end])).toEqual([
      ['NLD', 2001, 2006],
      ['EU', 2007, Infinity],
    ]);
  });
});

describe('an office-holder named in a text acts for their state in that year', () => {
  const codeOf = (text: string, name: string, date: string | null) => {
    const at = text.indexOf(name);
    // A title before the name makes one mention of both: the mention that holds the name.
    const m = findActors(text, splitSentences(text), { documentDate: date }).find(
      (a) => a.start <= at && a.end >= at + name.length,
    );
    return m ? m.code : null;
  };
  const rows: [string, string, string | null, string | null][] = [
    // Afghanistan's finance minister from 2009, in no hand-written table.
    ['Omar Zakhilwal met bankers in Dubai on 3 May 2010.', 'Omar Zakhilwal', '2010-05-05', 'AFG'],
    // Out of office in the year of the sentence, which decides before the document's.
    ['In 1995 Omar Zakhilwal was a student in Canada.', 'Omar Zakhilwal', '2010-05-05', null],
    // Not yet in office, in the document's year.
    ['Omar Zakhilwal spoke to bankers on Monday.', 'Omar Zakhilwal', '2004-05-05', null],
    // An undated text: one state among the roles is enough.
    ['Omar Zakhilwal spoke to bankers.', 'Omar Zakhilwal', null, 'AFG'],
    ['Morgan Tsvangirai asked South Africa for help in 2010.', 'Morgan Tsvangirai', null, 'ZWE'],
    // Roles for two codes: the year picks one, a year both cover picks none.
    ['Catherine Ashton went to Cairo in 2012.', 'Catherine Ashton', null, 'EU'],
    ['Catherine Ashton went to Cairo in 2008.', 'Catherine Ashton', null, null],
    // A longer name is someone else; so is a name after an unknown first name.
    ['Omar Zakhilwal Rahimi met bankers in 2010.', 'Omar Zakhilwal', null, null],
    ['Haji Omar Zakhilwal met bankers in 2010.', 'Omar Zakhilwal', null, null],
    // A title or a state before the name is no first name.
    ['Finance Minister Omar Zakhilwal met bankers in 2010.', 'Omar Zakhilwal', null, 'AFG'],
    // Too common to be one person: never a state.
    ['Abdul Ali met bankers in Dubai in 2008.', 'Abdul Ali', null, null],
  ];
  it.each(rows)('%s: %s → %s', (text, name, date, code) => {
    expect(codeOf(text, name, date)).toBe(code);
  });

  it('gives the surname after the full name the same state, and the act to the state', () => {
    const text =
      'Omar Zakhilwal met Iranian Foreign Minister Manouchehr Mottaki in Tehran on 3 May 2010. ' +
      'Zakhilwal urged Iran on 4 May 2010 to reopen the border crossing.';
    const x = extract({ text, date: '2010-05-10' });
    const acts = x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')}`);
    expect(acts).toContain('CONSULT AFG+IRN');
    expect(acts).toContain('REQUEST AFG+IRN');
  });
});

describe('the extractor with its office-holders in a small thread', () => {
  it('loads and extracts within a 40 MB heap (the index costs about 3 MB)', async () => {
    const pool = new ExtractPool(1, undefined, { maxOldGenerationSizeMb: 40 });
    try {
      const r = await pool.run({
        text: 'Omar Zakhilwal met Iranian Foreign Minister Manouchehr Mottaki on 3 May 2010.',
        title: null,
        date: '2010-05-10',
      });
      expect(r.extraction.events.map((e) => [...e.actors].sort())).toContainEqual(['AFG', 'IRN']);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
