// The fulfilment rule as a table: a prospect (what was planned, proposed, hoped for or pending,
// with the sentence stating it) against one mention of a stored event. Positive rows are
// fulfilments in several wordings and between several pairs; negative rows are look-alikes
// (another pair, an earlier event, other wording, another type or direction) that must stay open.
import { describe, expect, it } from 'vitest';
import type { PloverType } from '../src/extract/types.ts';
import { clauseOf, contentWordsOf } from '../src/extract/claims/clause-wording.ts';
import {
  fulfillingTypes,
  fulfils,
  type EventMentionFacts,
  type ProspectFacts,
} from '../src/merge/fulfils.ts';
import { readWording, wordingOf } from '../src/services/clause-wording.ts';

// Each row gives the clause's text; the rule reads what ingest stores of it (`wordingOf`).
type P = Partial<ProspectFacts> & Pick<ProspectFacts, 'type'> & { text: string };
type E = Partial<EventMentionFacts> & Pick<EventMentionFacts, 'type' | 'date'> & { text: string };

const prospect = ({ text, ...p }: P): ProspectFacts => ({
  mode: null,
  date: null,
  source: 'AZE',
  target: 'PAK',
  actors: ['AZE', 'PAK'],
  wording: readWording(wordingOf(text)),
  ...p,
});
const event = ({ text, ...e }: E): EventMentionFacts => ({
  mode: null,
  source: 'AZE',
  target: 'PAK',
  actors: ['AZE', 'PAK'],
  wording: readWording(wordingOf(text)),
  ...e,
});

const JF17: P = {
  type: 'COOPERATE',
  date: '2016',
  text: 'Azerbaijan has expressed interest in buying the JF-17 fighter jets from Pakistan.',
};
const EXERCISES: P = {
  type: 'COOPERATE',
  date: '2016',
  text: 'Azerbaijan and Pakistan plan to hold joint military exercises.',
};
const VISIT: P = {
  type: 'CONSULT',
  mode: 'visit',
  date: '2017',
  source: 'PAK',
  target: 'AZE',
  actors: ['PAK', 'AZE'],
  text: 'The Pakistani president will visit Baku next year.',
};

// [name, prospect, event, the shared words it is linked by]
const fulfilled: [string, P, E, string[]][] = [
  [
    'a pending purchase, then the contract',
    JF17,
    {
      type: 'AGREE',
      date: '2024',
      text: 'In 2024 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
    },
    ['buy', 'fighter', 'jet', 'jf', 'jf-17'],
  ],
  [
    'planned exercises, then held',
    EXERCISES,
    {
      type: 'COOPERATE',
      date: '2018-09',
      text: 'In September 2018 Azerbaijan and Pakistan held joint military exercises near Baku.',
    },
    ['exerciz'],
  ],
  [
    'an event in the year of the statement is not before it',
    EXERCISES,
    {
      type: 'COOPERATE',
      date: '2016-11',
      text: 'In November 2016 Pakistan and Azerbaijan conducted their first military exercises.',
    },
    ['exerciz'],
  ],
  [
    'a proposed direct flight, then launched',
    { type: 'COOPERATE', date: '2019', text: 'Azerbaijan proposed a direct flight to Pakistan.' },
    {
      type: 'COOPERATE',
      date: '2022-03',
      text: 'The first direct flight between Baku and Islamabad was launched in March 2022.',
    },
    ['direct', 'flight'],
  ],
  [
    'a planned visit, then the visit',
    VISIT,
    {
      type: 'CONSULT',
      mode: 'visit',
      date: '2018',
      source: 'PAK',
      target: 'AZE',
      actors: ['PAK', 'AZE'],
      text: 'The Pakistani president visited Azerbaijan in 2018.',
    },
    ['visit'],
  ],
  [
    'planned talks, then talks written the other way round',
    {
      type: 'CONSULT',
      date: '2022',
      source: 'ARM',
      target: 'AZE',
      actors: ['ARM', 'AZE'],
      text: 'Armenia and Azerbaijan will hold peace talks in Washington.',
    },
    {
      type: 'CONSULT',
      date: '2023-05',
      source: 'AZE',
      target: 'ARM',
      actors: ['AZE', 'ARM'],
      text: 'Azerbaijan and Armenia held peace talks in Washington in May 2023.',
    },
    ['peac', 'talk'],
  ],
  [
    'a planned loan, then the loan agreement (AID fulfilled by AGREE)',
    {
      type: 'AID',
      date: '2012',
      source: 'JPN',
      target: 'BGD',
      actors: ['JPN', 'BGD'],
      text: 'Japan plans to provide a loan to Bangladesh for the Dhaka metro rail.',
    },
    {
      type: 'AGREE',
      date: '2013-02-20',
      source: 'JPN',
      target: 'BGD',
      actors: ['JPN', 'BGD'],
      text: 'Japan and Bangladesh signed a loan agreement for the metro rail on 20 February 2013.',
    },
    ['loan', 'metro', 'rail'],
  ],
  [
    'an undated hope with an undated document: any dated event',
    { type: 'COOPERATE', text: 'Azerbaijan would love to join the CPEC corridor with Pakistan.' },
    {
      type: 'COOPERATE',
      date: '2023',
      text: 'In 2023 Azerbaijan joined the CPEC corridor, Pakistan said.',
    },
    ['corridor', 'cpec'],
  ],
  [
    'a three-party event fulfils a two-party plan',
    EXERCISES,
    {
      type: 'COOPERATE',
      date: '2021-09',
      actors: ['AZE', 'PAK', 'TUR'],
      text: 'Azerbaijan, Pakistan and Turkey held the joint military exercises Three Brothers in September 2021.',
    },
    ['exerciz'],
  ],
  [
    'a dated prospect, fulfilled later in its own document',
    { ...JF17, documentId: 'd1', sentence: { start: 0, end: 80 } },
    {
      type: 'AGREE',
      date: '2024',
      documentId: 'd1',
      evidence: { start: 90, end: 130 },
      text: 'In 2024 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
    },
    ['buy', 'fighter', 'jet', 'jf', 'jf-17'],
  ],
];

// [name, prospect, event, the reason it stays open]
const open: [string, P, E, RegExp][] = [
  [
    'another pair',
    JF17,
    {
      type: 'AGREE',
      date: '2024',
      source: 'IRQ',
      actors: ['IRQ', 'PAK'],
      text: 'In 2024 Iraq signed a contract with Pakistan to buy JF-17 fighter jets.',
    },
    /participants differ: the event lacks AZE/,
  ],
  [
    'another designation',
    JF17,
    {
      type: 'AGREE',
      date: '2024',
      text: 'In 2024 Azerbaijan signed a contract with Pakistan to buy Mirage-5 fighter jets.',
    },
    /different designations: jf-17 vs mirage-5/,
  ],
  [
    'an earlier event',
    JF17,
    {
      type: 'AGREE',
      date: '2015',
      text: 'In 2015 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
    },
    /before the prospect was stated/,
  ],
  [
    'unrelated wording',
    EXERCISES,
    {
      type: 'AGREE',
      date: '2018',
      text: 'In 2018 Azerbaijan and Pakistan signed an agreement on twin cities.',
    },
    /no content word in common/,
  ],
  [
    'another domain',
    EXERCISES,
    {
      type: 'AGREE',
      date: '2018',
      text: 'In 2018 Azerbaijan and Pakistan signed a trade agreement.',
    },
    /different domains: military vs economic/,
  ],
  [
    'a type that does not fulfil it',
    VISIT,
    {
      type: 'COOPERATE',
      date: '2018',
      text: 'In 2018 Pakistan and Azerbaijan held joint exercises and the president visited the troops.',
    },
    /type COOPERATE does not fulfil a CONSULT prospect/,
  ],
  [
    'talks about it are not doing it',
    EXERCISES,
    {
      type: 'CONSULT',
      date: '2018',
      text: 'In 2018 the defence ministers of Azerbaijan and Pakistan met to discuss joint military exercises.',
    },
    /type CONSULT does not fulfil a COOPERATE prospect/,
  ],
  [
    'a visit the other way',
    VISIT,
    {
      type: 'CONSULT',
      mode: 'visit',
      date: '2018',
      text: 'The Azerbaijani president visited Pakistan in 2018.',
    },
    /directions differ: PAK→AZE vs AZE→PAK/,
  ],
  [
    'another person’s visit',
    {
      type: 'CONSULT',
      mode: 'visit',
      date: '2004',
      text: 'President Ilham Aliyev will visit Pakistan next year.',
    },
    {
      type: 'CONSULT',
      mode: 'visit',
      date: '2005',
      text: 'Prime Minister Artur Rasizade visited Pakistan in 2005.',
    },
    /different people: aliyev vs rasizade/,
  ],
  [
    'an undated event',
    JF17,
    {
      type: 'AGREE',
      date: null,
      text: 'Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
    },
    /the event is undated/,
  ],
  [
    'a negated event',
    JF17,
    {
      type: 'AGREE',
      date: '2024',
      negated: true,
      text: 'In 2024 Azerbaijan did not sign a contract with Pakistan to buy JF-17 jets.',
    },
    /negated/,
  ],
  [
    'an undated prospect, an event before its document',
    { ...JF17, date: null, openAsOf: '2021-06-16' },
    {
      type: 'AGREE',
      date: '2019',
      text: 'In 2019 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
    },
    /before the document that calls it open \(2021-06-16\)/,
  ],
  [
    'the prospect’s own sentence read as an event',
    { ...VISIT, documentId: 'd1', sentence: { start: 100, end: 150 } },
    {
      type: 'CONSULT',
      mode: 'visit',
      date: '2017',
      source: 'PAK',
      target: 'AZE',
      actors: ['PAK', 'AZE'],
      documentId: 'd1',
      evidence: { start: 104, end: 140 },
      text: VISIT.text,
    },
    /own sentence/,
  ],
  [
    'an undated prospect and an event of its own document',
    { ...JF17, date: null, documentId: 'd1', sentence: { start: 0, end: 80 } },
    {
      type: 'AGREE',
      date: '2024',
      documentId: 'd1',
      evidence: { start: 90, end: 130 },
      text: 'In 2024 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
    },
    /still open in its own document/,
  ],
  [
    'an undated prospect and an event its document also reports (a copy, a merged mention)',
    { ...JF17, date: null, documentId: 'd1', sentence: { start: 0, end: 80 } },
    {
      type: 'AGREE',
      date: '2024',
      documentId: 'd2',
      eventDocuments: ['d2', 'd1'],
      text: 'In 2024 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
    },
    /own document reports this event/,
  ],
];

describe('fulfils: an event that reports the prospect done', () => {
  it.each(fulfilled)('%s', (_name, p, e, shared) => {
    const v = fulfils(prospect(p), event(e));
    expect(v.reasons.at(-1), v.reasons.join('; ')).toBe(`shared wording: ${shared.join(', ')}`);
    expect(v.fulfils).toBe(true);
    expect(v.shared).toEqual(shared);
    expect(v.score).toBeGreaterThan(0);
  });
});

describe('fulfils: look-alikes stay open', () => {
  it.each(open)('%s', (_name, p, e, why) => {
    const v = fulfils(prospect(p), event(e));
    expect(v.fulfils).toBe(false);
    expect(v.score).toBe(0);
    expect(v.reasons.at(-1)).toMatch(why);
  });
});

describe('fulfillingTypes', () => {
  it.each([
    ['COOPERATE', ['AGREE', 'COOPERATE', 'AID']],
    ['AGREE', ['AGREE', 'COOPERATE', 'AID']],
    ['AID', ['AGREE', 'COOPERATE', 'AID']],
    ['CONSULT', ['CONSULT']],
    ['SANCTION', ['SANCTION']],
  ] as [PloverType, PloverType[]][])('%s', (type, expected) =>
    expect(fulfillingTypes(type)).toEqual(expected),
  );
});

describe('contentWordsOf', () => {
  it.each([
    [
      'Azerbaijan has expressed interest in buying the JF-17 fighter jets from Pakistan.',
      ['buy', 'jf-17', 'jf', 'fighter', 'jet'],
    ],
    ['The Pakistani president will visit Baku in October 2016.', ['visit']],
    ['Both countries plan to expand bilateral cooperation.', ['expand']],
    [
      'Azerbaijani naval personnel took part in the exercise AMAN-2013.',
      ['naval', 'personnel', 'part', 'exerciz', 'aman-2013', 'aman'],
    ],
    ['', []],
  ])('%s', (text, expected) => expect([...contentWordsOf(text)]).toEqual(expected));
});

describe('clauseOf', () => {
  // [sentence, where it starts in its document, evidence as [start, end] in document offsets, clause]
  const rows: [string, number, [number, number], string][] = [
    [
      'Although Azerbaijan has expressed interests in importing the JF-17, no formal deal has been reached yet.',
      1000,
      [1009, 1043],
      'Although Azerbaijan has expressed interests in importing the JF-17',
    ],
    [
      'In 2024 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
      0,
      [3, 50],
      'In 2024 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets',
    ],
    [
      'Azerbaijan would love to join CPEC as well, as it is a leading route of trade to the Central Asia.',
      7,
      [7, 36],
      'Azerbaijan would love to join CPEC as well',
    ],
    [
      'In addition to this, they will hold bilateral military exercises, according to comments from Nawaz Sharif.',
      0,
      [36, 94],
      'they will hold bilateral military exercises, according to comments from Nawaz Sharif',
    ],
    [
      'Trade grew by 25.5 percent in 2018 – the highest rise yet.',
      0,
      [0, 5],
      'Trade grew by 25.5 percent in 2018',
    ],
  ];
  it.each(rows)('%s', (text, start, [s, e], expected) => {
    expect(text.slice(s - start, e - start).length).toBe(e - s);
    expect(clauseOf({ start, text }, { start: s, end: e })).toBe(expected);
  });
});
