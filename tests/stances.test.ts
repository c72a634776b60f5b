// Stances: rows of [text, expected stances] over the real sentence, date and actor layers with
// a fixed document date, plus rows that must give none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import { findTimes } from '../src/extract/dates/index.ts';
import { findStances } from '../src/extract/stances/find-stances.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

const DOCUMENT_DATE = '2021-06-16';

function run(text: string) {
  const sentences = splitSentences(text);
  return findStances(text, sentences, {
    times: findTimes(text, sentences, { documentDate: DOCUMENT_DATE }),
    actors: findActors(text, sentences, { documentDate: DOCUMENT_DATE }),
    pair: ['AZE', 'PAK'],
    documentDate: DOCUMENT_DATE,
  });
}

type Row = [
  holder: string,
  polarity: 'support' | 'oppose',
  target: string | null,
  issue: string | null,
  evidence: string,
];

const rows: [string, Row[]][] = [
  [
    'Moreover, Pakistan also supports Azerbaijan’s side of Nagorno Karabakh conflict.',
    [
      [
        'PAK',
        'support',
        'AZE',
        'Nagorno Karabakh conflict',
        'Pakistan also supports Azerbaijan’s side of Nagorno Karabakh conflict',
      ],
    ],
  ],
  [
    'Love has always been flourishing from both sides and in pursuant, Azerbaijan is on Pakistan’s side on the Kashmir Issue.',
    [
      [
        'AZE',
        'support',
        'PAK',
        'Kashmir Issue',
        'Azerbaijan is on Pakistan’s side on the Kashmir Issue',
      ],
    ],
  ],
  [
    'Pakistan supports Azerbaijan on Karabakh. Therefore, it has not established ties with Armenia over the issue.',
    [
      ['PAK', 'support', 'AZE', 'Karabakh', 'Pakistan supports Azerbaijan on Karabakh'],
      [
        'PAK',
        'oppose',
        'ARM',
        'Karabakh',
        'it has not established ties with Armenia over the issue',
      ],
    ],
  ],
  [
    'Japan condemned Russia’s annexation of Crimea in 2014.',
    [
      [
        'JPN',
        'oppose',
        'RUS',
        'annexation of Crimea',
        'Japan condemned Russia’s annexation of Crimea',
      ],
    ],
  ],
  [
    'Turkey backs Azerbaijan’s bid for the 2030 World Expo.',
    [
      [
        'TUR',
        'support',
        'AZE',
        'bid for the 2030 World Expo',
        'Turkey backs Azerbaijan’s bid for the 2030 World Expo',
      ],
    ],
  ],
  [
    'India condemned North Korea’s nuclear test in September 2017.',
    [['IND', 'oppose', 'PRK', 'nuclear test', 'India condemned North Korea’s nuclear test']],
  ],
  [
    'Japan backs India’s bid for a permanent seat on the UN Security Council.',
    [
      [
        'JPN',
        'support',
        'IND',
        'bid for a permanent seat on the UN Security Council',
        'Japan backs India’s bid for a permanent seat on the UN Security Council',
      ],
    ],
  ],
  [
    'China does not support India on the border dispute.',
    [
      [
        'CHN',
        'oppose',
        'IND',
        'border dispute',
        'China does not support India on the border dispute',
      ],
    ],
  ],
  [
    'Pakistan supports Azerbaijan’s position on the Nagorno-Karabakh conflict and does not recognise Armenia.',
    [
      [
        'PAK',
        'support',
        'AZE',
        'position on the Nagorno-Karabakh conflict',
        'Pakistan supports Azerbaijan’s position on the Nagorno-Karabakh conflict',
      ],
      [
        'PAK',
        'oppose',
        'ARM',
        null,
        'Pakistan supports Azerbaijan’s position on the Nagorno-Karabakh conflict and does not recognise Armenia',
      ],
    ],
  ],
  [
    'Pakistan has condemned the Khojaly massacre of 26 February 1992.',
    [['PAK', 'oppose', null, 'Khojaly massacre', 'Pakistan has condemned the Khojaly massacre']],
  ],
  [
    'At the same time, Azerbaijan fully supports Pakistan on the Kashmir stance which is no different.',
    [
      [
        'AZE',
        'support',
        'PAK',
        'Kashmir stance',
        'Azerbaijan fully supports Pakistan on the Kashmir stance',
      ],
    ],
  ],
];

const negatives = [
  'Azerbaijan would love to join CPEC as well.',
  'India would support Iran.',
  'The two countries signed a defence agreement in 2003.',
  'Support for the project grew.',
];

describe('findStances', () => {
  it.each(rows)('%s', (text, expected) => {
    const found = run(text);
    expect(
      found.map((s) => [
        s.holder.code,
        s.polarity,
        s.target?.code ?? null,
        s.issue,
        s.evidence.text,
      ]),
    ).toEqual(expected);
    for (const s of found) {
      expect(s.evidence.start).toBe(text.indexOf(s.evidence.text));
      expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.text);
    }
  });

  it.each(negatives)('finds no stance in %j', (text) => {
    expect(run(text)).toEqual([]);
  });

  it('gives one stance each way for "stand by each other"', () => {
    const found = run('Both countries have always stood by each other on the Kashmir issue.');
    expect(found.map((s) => [s.holder.code, s.target?.code, s.issue]).sort()).toEqual([
      ['AZE', 'PAK', 'Kashmir issue'],
      ['PAK', 'AZE', 'Kashmir issue'],
    ]);
  });
});

describe('contract on whole documents', () => {
  const docs = [
    readFileSync(new URL('../corpus/azerbaijan-pakistan.txt', import.meta.url), 'utf8'),
    readFileSync(new URL('../corpus/azerbaijan-pakistan-encyclopedia.md', import.meta.url), 'utf8'),
  ];
  it.each(docs.map((d, i) => [i, d]))(
    'document %i: spans inside the text, deterministic, no duplicates',
    (_i, text) => {
      const a = run(text);
      expect(run(text)).toEqual(a);
      expect(a.length).toBeGreaterThan(2);
      const seen = new Set<string>();
      for (const s of a) {
        expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.text);
        const k = `${s.evidence.start}:${s.holder.code}:${s.target?.code}`;
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    },
  );

  it('reads the essay’s stances on Karabakh, Armenia and Kashmir', () => {
    const got = run(docs[0]!).map((s) => `${s.holder.code} ${s.polarity} ${s.target?.code ?? '-'}`);
    expect(got).toEqual(
      expect.arrayContaining(['PAK support AZE', 'PAK oppose ARM', 'AZE support PAK']),
    );
    expect(got).not.toContain('ARM support AZE');
  });
});
