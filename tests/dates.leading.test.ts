// The leading-year rule: a year heading a line of a chronology, and what it must not take.
import { describe, expect, it } from 'vitest';
import { findTimes, formatDate } from '../src/extract/dates/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

const found = (text: string) =>
  findTimes(text, splitSentences(text), {}).map((m) => [
    m.text,
    m.value ? formatDate(m.value) : null,
    m.start,
  ]);

describe('leading-year', () => {
  const rows: [string, [string, string, number][]][] = [
    ['1947: Turkey recognises Pakistan.', [['1947', '1947', 0]]],
    ['- 1954 – The two countries sign a treaty.', [['1954', '1954', 2]]],
    ['• 2001 — Talks resume.', [['2001', '2001', 2]]],
    ['2000 troops crossed the border.', []],
    ['1500 people: the toll of the day.', []],
    ['In the list, 1947: not at the start.', []],
  ];
  it.each(rows)('%j', (text, want) => {
    expect(found(text)).toEqual(want);
  });
});
