// Table tests of the dateline rule: a story given no date is dated by its dateline.
import { describe, expect, it } from 'vitest';
import { findDateline } from '../src/extract/dates/dateline.ts';
import { extract } from '../src/extract/index.ts';

const rows: [string, string | null][] = [
  ['NAIROBI, June 3, 2022 — Kenya and Ethiopia agreed to reopen the border.', '2022-06-03'],
  [
    'Border reopens\nNAIROBI, Kenya, 3 June 2022 (AFP) - Kenya and Ethiopia agreed to reopen the border.',
    '2022-06-03',
  ],
  ['LIMA, Jan. 9, 2020 (Reuters) - Peru recalled its ambassador.', '2020-01-09'],
  ['SEOUL, Tuesday, March 7, 2023 — South Korea proposed talks.', '2023-03-07'],
  ['Published: 12 March 2024\nChile and Bolivia held talks.', '2024-03-12'],
  ['Posted on 2021-11-30\nGhana signed a deal with Togo.', '2021-11-30'],
  // A press release's place and date, on a line of their own.
  ['Joint statement\nTokyo, 12 May 2024\nJapan and Vietnam held talks.', '2024-05-12'],
  ['New Delhi, March 5, 2023\n\nIndia and Nepal signed a pact.', '2023-03-05'],
  ['Kenya and Ethiopia met in Nairobi, 3 June 2022, and agreed.', null],
  // No year: which year is not said. No dateline shape: a date in the story is no dateline.
  ['WASHINGTON, March 17 (Reuters) - The talks resumed.', null],
  ['Peru and Chile signed a treaty on June 3, 2022 — a first.', null],
  ['NAIROBI, February 30, 2022 — an impossible day.', null],
];

describe('dateline', () => {
  it.each(rows)('%j → %s', (text, want) => {
    expect(findDateline(text)?.date ?? null).toBe(want);
  });

  it('spans the dateline exactly', () => {
    const text = 'Title line\nLIMA, Jan. 9, 2020 (Reuters) - Peru recalled its ambassador.';
    const line = findDateline(text)!;
    expect(text.slice(line.start, line.end)).toBe('LIMA, Jan. 9, 2020 (Reuters) -');
  });

  it('dates the document and its "on Tuesday" when no date is given, and says so', () => {
    const x = extract({
      text: 'NAIROBI, June 3, 2022 — Kenya and Ethiopia signed a border pact on Tuesday.',
    });
    expect(x.document.date).toBe('2022-06-03');
    expect(x.events.map((e) => `${e.type} ${e.date}`)).toEqual(['AGREE 2022-05-31']);
    expect(x.diagnostics.map((d) => d.code)).toContain('dateline');
  });

  it('keeps a given date over the dateline', () => {
    const x = extract({
      text: 'NAIROBI, June 3, 2022 — Kenya and Ethiopia signed a border pact on Tuesday.',
      date: '2022-06-10',
    });
    expect(x.document.date).toBe('2022-06-10');
    expect(x.events.map((e) => e.date)).toEqual(['2022-06-07']);
  });
});
