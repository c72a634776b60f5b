// Figures: rows of [text, expected figures] over the real sentence, date and actor layers with a
// fixed document date, plus rows that must give none, and the contract every finding keeps.
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import type { FactContext } from '../src/extract/claims/context.ts';
import { findTimes } from '../src/extract/dates/index.ts';
import { findFigures } from '../src/extract/figures/find-figures.ts';
import { figureSubject, isPartOfTotal } from '../src/extract/figures/subject.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';
import type { ExtractedFigure } from '../src/extract/types.ts';

const DOCUMENT_DATE = '2021-06-16';

function run(text: string, pair: [string, string] | null = ['AZE', 'PAK']): ExtractedFigure[] {
  const sentences = splitSentences(text);
  const ctx: FactContext = {
    times: findTimes(text, sentences, { documentDate: DOCUMENT_DATE }),
    actors: findActors(text, sentences, { documentDate: DOCUMENT_DATE }),
    pair,
    documentDate: DOCUMENT_DATE,
  };
  return findFigures(text, sentences, ctx);
}

interface Row {
  measure: string;
  value: number;
  unit: string;
  qualifier?: string | null;
  date?: string | null;
  evidence: string;
}

const rows: [string, Row[]][] = [
  [
    'More than 613 people, including 63 children, were killed in the massacre.',
    [
      {
        measure: 'killed',
        value: 613,
        unit: 'people',
        qualifier: 'more than',
        evidence: 'More than 613 people, including 63 children, were killed',
      },
      { measure: 'killed', value: 63, unit: 'children', evidence: '63 children, were killed' },
    ],
  ],
  [
    'The trade turnover between the two countries increased by 25 percent in 2018.',
    [
      {
        measure: 'trade',
        value: 25,
        unit: 'percent',
        date: '2018',
        evidence: 'trade turnover between the two countries increased by 25 percent in 2018',
      },
    ],
  ],
  [
    'In the past one year around 40 mutual visits of ministers have occurred.',
    [
      {
        measure: 'visits',
        value: 40,
        unit: 'visits',
        qualifier: 'around',
        evidence: 'the past one year around 40 mutual visits',
      },
    ],
  ],
  [
    'The number of tourists from both countries increased more than 10 times in past two years.',
    [
      {
        measure: 'tourists',
        value: 10,
        unit: 'times',
        qualifier: 'more than',
        evidence: 'tourists from both countries increased more than 10 times in past two years',
      },
    ],
  ],
  [
    'Japan pledged $2.5 billion in aid to Pakistan.',
    [{ measure: 'aid', value: 2.5e9, unit: 'USD', evidence: '$2.5 billion in aid' }],
  ],
  [
    'The bank approved a loan of USD 500 million for Azerbaijan.',
    [{ measure: 'loan', value: 5e8, unit: 'USD', evidence: 'loan of USD 500 million' }],
  ],
  [
    'The province allocated Rs 10 crore for the project.',
    [{ measure: 'money', value: 1e8, unit: 'PKR', evidence: 'Rs 10 crore' }],
  ],
  [
    'Some 1275 residents were taken hostage, while the fate of 150 people is still unknown.',
    [
      {
        measure: 'hostages',
        value: 1275,
        unit: 'residents',
        qualifier: 'around',
        evidence: 'Some 1275 residents were taken hostage',
      },
      { measure: 'missing', value: 150, unit: 'people', evidence: '150 people is still unknown' },
    ],
  ],
  [
    'About 30,000 Indian students study in Japan.',
    [
      {
        measure: 'students',
        value: 30000,
        unit: 'students',
        qualifier: 'around',
        evidence: 'About 30,000 Indian students',
      },
    ],
  ],
  [
    'Nearly two thousand troops took part in the drill.',
    [
      {
        measure: 'troops',
        value: 2000,
        unit: 'troops',
        qualifier: 'nearly',
        evidence: 'Nearly two thousand troops',
      },
    ],
  ],
];

const negatives = [
  'Pakistan was the first country to recognize Azerbaijan as an independent state on December 12,1991.',
  'Azerbaijan is eyeing the JF-17 Thunder and operates MiG-29 and Su-25 aircraft.',
  'Its naval personnel joined the exercise AMAN-2013 on the 23rd March parade.',
  'The two countries signed an agreement; both sides hailed the two nations’ ties.',
  'Azerbaijan got its independence after 80 years of struggle, in 1991.',
  'India and the United States held their first 2+2 ministerial dialogue in 2018.',
  'Iran resumed talks with the P5+1 group of world powers.',
  'The visit marked the 100th anniversary of its parliament.',
  'UN Security Council Resolution 1244 was adopted.',
];

describe('findFigures', () => {
  it.each(rows)('%s', (text, expected) => {
    const found = run(text);
    expect(found.map((f) => ({ measure: f.measure, value: f.value, unit: f.unit }))).toEqual(
      expected.map((e) => ({ measure: e.measure, value: e.value, unit: e.unit })),
    );
    expected.forEach((e, i) => {
      const f = found[i]!;
      expect(f.qualifier).toBe(e.qualifier ?? null);
      if (e.date !== undefined) expect(f.date).toBe(e.date);
      expect(f.evidence.text).toBe(e.evidence);
      expect(f.evidence.start).toBe(text.indexOf(e.evidence));
      expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
    });
  });

  it.each(negatives)('finds no figure in %j', (text) => {
    expect(run(text)).toEqual([]);
  });

  it('gives a figure the actors of its sentence, else the document pair', () => {
    expect(run('Turkey sent 300 soldiers to Azerbaijan.')[0]!.actors.sort()).toEqual([
      'AZE',
      'TUR',
    ]);
    expect(run('More than 600 people were killed.')[0]!.actors).toEqual(['AZE', 'PAK']);
    expect(run('More than 600 people were killed.', null)[0]!.actors).toEqual([]);
  });

  it('names what a figure is about, in its sentence or by looking back for "the massacre"', () => {
    const text =
      'The Khojaly Massacre happened in 1992. Pakistan did not forget it. More than 613 people were killed in the massacre.';
    const f = run(text)[0]!;
    expect(f.about).toBe('Khojaly Massacre');
    expect(
      figureSubject(
        'Casualties were high. 20 people died.',
        { start: 22, end: 37 },
        { start: 22, end: 31 },
      ),
    ).toBeNull();
  });

  it.each([
    [
      'More than 613 people, including 63 children, 106 women and 70 old people were killed.',
      '63 children',
      true,
    ],
    [
      'More than 613 people, including 63 children, 106 women and 70 old people were killed.',
      '70 old',
      true,
    ],
    [
      'More than 613 people, including 63 children, 106 women and 70 old people were killed.',
      '613 people',
      false,
    ],
    ['130 children lost single parent and 25 children lost both.', '25 children', false],
  ])('in %j, "%s" counts a part of a total: %s', (text, figure, part) => {
    expect(isPartOfTotal(text, { start: 0, end: text.length }, text.indexOf(figure))).toBe(part);
  });

  it('keeps the contract on the essay: spans inside the text, deterministic, no duplicates', () => {
    const text = `Azerbaijan and Pakistan\n\nMore than 613 people, including 63 children, 106 women and 70 old people were killed in the massacre. The trade turn over between the two countries have enormously increased by 25 percent in 2018. In the past one year around 40 mutual visits of ministers have occurred.`;
    const a = run(text);
    const b = run(text);
    expect(a).toEqual(b);
    const seen = new Set<string>();
    for (const f of a) {
      expect(f.evidence.start).toBeGreaterThanOrEqual(0);
      expect(f.evidence.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
      const k = `${f.evidence.start}:${f.value}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
    expect(a.map((f) => f.value)).toEqual([613, 63, 106, 70, 25, 40]);
  });
});
