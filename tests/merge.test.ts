// The same-event decision: duplicates merge (and a vaguer date refines), near-duplicates of
// different events stay apart, and a merge across a date disagreement says so.
import { describe, expect, it } from 'vitest';
import {
  dateBounds,
  dateGap,
  datesCompatible,
  refineDate,
  sameEvent,
  type MentionFacts,
} from '../src/merge/same-event.ts';
import { domains, namedPeople, wordingSimilarity } from '../src/merge/wording.ts';

const m = (evidenceText: string | null, over: Partial<MentionFacts> = {}): MentionFacts => ({
  type: 'SUPPORT',
  date: null,
  actors: ['PAK', 'AZE'],
  source: 'PAK',
  target: 'AZE',
  evidenceText,
  ...over,
});

describe('dates', () => {
  it.each([
    ['1991', ['1991-01-01', '1991-12-31']],
    ['1991-12', ['1991-12-01', '1991-12-31']],
    ['1992-02', ['1992-02-01', '1992-02-29']],
    ['1991-12-12', ['1991-12-12', '1991-12-12']],
    ['1920/1929', ['1920-01-01', '1929-12-31']],
    ['1992-02-25/1992-02-26', ['1992-02-25', '1992-02-26']],
    ['December 1991', null],
    [null, null],
  ] as const)('bounds of %s', (date, bounds) => {
    expect(dateBounds(date)).toEqual(bounds);
  });

  it.each([
    ['1991', '1991-12-12', true, '1991-12-12'],
    ['1991-12', '1991-12-12', true, '1991-12-12'],
    ['1920/1929', '1925', true, '1925'],
    ['1991-12-12', '1991-12-13', false, null],
    ['1991', '1992', false, null],
  ] as const)('%s and %s compatible: %s', (a, b, ok, refined) => {
    expect(datesCompatible(a, b)).toBe(ok);
    if (refined) expect(refineDate(a, b)).toBe(refined);
  });

  it('measures the gap between two dates in days', () => {
    expect(dateGap('1991-12-12', '1991-12-13')).toBe(1);
    expect(dateGap('1991', '1991-06')).toBe(0);
    expect(dateGap('1991', '1993')).toBe(367);
    expect(dateGap(null, '1993')).toBeNull();
  });
});

describe('wording', () => {
  it.each([
    ['Ex-Pakistan’s Prime Minister Nawaz Sharif during his official visit', ['sharif']],
    ['Farooq Leghari- the than president of Pakistan- became the first person', ['leghari']],
    ['President Heydar Aliyev paid an official visit to Pakistan', ['aliyev']],
    ['the president of Pakistan visited Baku', []],
    ['Pakistan was the first country to recognize Azerbaijan', []],
  ])('people named in %j', (text, people) => {
    expect([...namedPeople(text)]).toEqual(people);
  });

  it.each([
    ['signed a defence agreement', ['military']],
    ['signed a trade deal', ['economic']],
    ['held talks', []],
  ])('domains of %j', (text, ds) => {
    expect([...domains(text)]).toEqual(ds);
  });

  it('treats British and American spellings and word order as the same wording', () => {
    expect(
      wordingSimilarity(
        'recognised the independence on 12 December 1991',
        'recognized the independence on December 12, 1991',
      ),
    ).toBe(1);
  });
});

describe('sameEvent', () => {
  const essay =
    'Pakistan was the first country to recognize Azerbaijan as an independent state on December 12,1991';
  const encyclopedia =
    "Pakistan was the second country to recognise Azerbaijan's independence, after Turkey, on 12 December 1991";

  it('merges one event told by two sources, and refines the vaguer date', () => {
    const v = sameEvent(m(essay, { date: '1991-12-12' }), m(encyclopedia, { date: '1991-12-12' }));
    expect(v.same).toBe(true);
    expect(v.conflict).toBeUndefined();
    const r = sameEvent(
      m('Pakistan recognized Azerbaijan in 1991', { date: '1991' }),
      m(essay, { date: '1991-12-12' }),
    );
    expect(r.same).toBe(true);
    expect(r.refinedDate).toBe('1991-12-12');
    expect(r.reasons).toContain('date refined to 1991-12-12');
  });

  it('merges a multilateral event reported with fewer of its participants', () => {
    const v = sameEvent(
      m('Turkey, Azerbaijan and Pakistan held a joint drill in Baku in September 2021', {
        type: 'COOPERATE',
        date: '2021-09',
        actors: ['TUR', 'AZE', 'PAK'],
        source: null,
        target: null,
      }),
      m('Azerbaijan and Pakistan held a joint drill in Baku in September 2021', {
        type: 'COOPERATE',
        date: '2021-09',
        source: null,
        target: null,
      }),
    );
    expect(v.same).toBe(true);
  });

  it.each([
    [
      'two visits in one year by different people',
      m('President Ilham Aliyev visited Islamabad in 2005', {
        type: 'CONSULT',
        date: '2005',
        source: 'AZE',
        target: 'PAK',
      }),
      m('Prime Minister Artur Rasizade visited Islamabad in 2005', {
        type: 'CONSULT',
        date: '2005',
        source: 'AZE',
        target: 'PAK',
      }),
      'different people',
    ],
    [
      'a visit each way in one year',
      m('Azerbaijan’s president visited Pakistan in 2005', {
        type: 'CONSULT',
        date: '2005',
        source: 'AZE',
        target: 'PAK',
      }),
      m('Pakistan’s president visited Azerbaijan in 2005', {
        type: 'CONSULT',
        date: '2005',
        source: 'PAK',
        target: 'AZE',
      }),
      'directions differ',
    ],
    [
      'a defence and a trade agreement in one year',
      m('The two countries signed a defence agreement in 2003', { type: 'AGREE', date: '2003' }),
      m('The two countries signed a trade agreement in 2003', { type: 'AGREE', date: '2003' }),
      'different domains',
    ],
    [
      'different types',
      m(essay, { date: '1991-12-12' }),
      m(essay, { type: 'CONSULT', date: '1991-12-12' }),
      'types differ',
    ],
    [
      'different participants',
      m(essay, { date: '1991-12-12' }),
      m(essay, { date: '1991-12-12', actors: ['TUR', 'AZE'] }),
      'participants differ',
    ],
    [
      'dates years apart',
      m(essay, { date: '1991-12-12' }),
      m(essay, { date: '1993-12-12' }),
      'dates incompatible',
    ],
    [
      'dated and undated across documents',
      m(essay, { date: '1991-12-12' }),
      m(essay),
      'one is dated',
    ],
  ])('keeps apart %s', (_name, a, b, why) => {
    const v = sameEvent(a, b);
    expect(v.same).toBe(false);
    expect(v.reasons.join('; ')).toContain(why);
  });

  it('merges one event whose sources disagree by a day, and flags the conflict', () => {
    const v = sameEvent(
      m(essay, { date: '1991-12-12' }),
      m(encyclopedia.replace('12 December', '13 December'), { date: '1991-12-13' }),
    );
    expect(v.same).toBe(true);
    expect(v.conflict).toBe('date');
    expect(v.reasons.join('; ')).toContain('dates disagree: 1991-12-12 vs 1991-12-13');
  });

  it('does not merge a day apart when the wording differs (two events)', () => {
    const v = sameEvent(
      m('Pakistan sent aid to Azerbaijan on 12 December 1991', { date: '1991-12-12' }),
      m(essay, { date: '1991-12-13' }),
    );
    expect(v.same).toBe(false);
  });

  it('compares mentions with an event row without wording (the store passes no evidence)', () => {
    expect(sameEvent(m(essay, { date: '1991-12-12' }), m(null, { date: '1991' })).same).toBe(true);
    expect(sameEvent(m(essay), m(null)).same).toBe(true);
    expect(sameEvent(m(essay, { date: '1991-12-12' }), m(null, { date: '1991-12-13' })).same).toBe(
      false,
    );
  });

  it('is symmetric', () => {
    const pairs: [MentionFacts, MentionFacts][] = [
      [m(essay, { date: '1991-12-12' }), m(encyclopedia, { date: '1991' })],
      [
        m('President Ilham Aliyev visited Islamabad in 2005', { date: '2005' }),
        m('Prime Minister Artur Rasizade visited Islamabad', { date: '2005' }),
      ],
    ];
    for (const [a, b] of pairs) expect(sameEvent(a, b).same).toBe(sameEvent(b, a).same);
  });
});
