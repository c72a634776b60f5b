// The sample essay (corpus/azerbaijan-pakistan.txt, the eval's seed document): every dated
// event of its gold annotation must find a time mention with the gold date inside its evidence
// span, and the essay's counts, names and vague times must stay undated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTimes, formatDate } from '../src/extract/dates/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

const text = readFileSync(new URL('../corpus/azerbaijan-pakistan.txt', import.meta.url), 'utf8');
const mentions = findTimes(text, splitSentences(text), {});
const trace = mentions
  .map(
    (m) =>
      `${m.start}-${m.end} ${JSON.stringify(m.text)} → ${m.value ? formatDate(m.value) : 'null'} (${m.anchor}, ${m.rule})`,
  )
  .join('\n');

// [gold id, evidence start, evidence end, gold date], copied from the essay's gold
// (tests/fixtures/essay/seed.gold.jsonl)
// (the dated events, optional ones included where the text itself dates them).
const GOLD: [string, number, number, string][] = [
  ['recognition-1991', 3285, 3383, '1991-12-12'],
  ['leghari-visit-1995', 3472, 3537, '1995'],
  ['khojaly-1992', 3779, 3908, '1992-02-25/1992-02-26'],
  ['defense-agreement-2003', 6081, 6145, '2003-05'],
  ['aman-2013', 6329, 6457, '2013-03'],
  ['sharif-visit-2016', 6620, 6668, '2016-10'],
  ['military-agreement-2014', 6858, 6938, '2014-02'],
  ['agreement-update-2015', 6940, 7043, '2015'],
  ['agreement-update-2016', 6940, 7043, '2016'],
  ['adex-2016', 7514, 7651, '2016'],
  ['jamalov-interest-2016 (during the exhibition)', 7672, 7794, '2016'],
  ['eyyubov-ideas-2016 (in the same year)', 7796, 8004, '2016'],
  ['trade-2018', 8678, 8771, '2018'],
  ['independence-1991', 541, 623, '1991'],
  ['independence-1991-b', 3029, 3075, '1991'],
  ['soviet-rule-1920s', 2940, 3027, '1920/1929'],
  ['khojaly-killed (in the massacre)', 4156, 4256, '1992-02-25/1992-02-26'],
];

describe('the essay', () => {
  it('has the text the gold offsets count in', () => {
    expect(text.slice(3367, 3383)).toBe('December 12,1991');
  });

  it.each(GOLD)('%s: a mention inside the evidence gives %s', (_id, start, end, date) => {
    const inside = mentions
      .filter((m) => m.start >= start && m.end <= end && m.value)
      .map((m) => formatDate(m.value!));
    expect(inside, trace).toContain(date);
  });

  it('resolves the long-range references', () => {
    const byText = (t: string) => mentions.find((m) => m.text === t);
    expect(byText('after 4 years of its independence')).toMatchObject({ anchor: 'event' });
    expect(formatDate(byText('after 4 years of its independence')!.value!)).toBe('1995');
    expect(byText('During the exhibition')).toMatchObject({ anchor: 'event' });
    expect(byText('the same year')).toMatchObject({ anchor: 'previous' });
  });

  it('dates no count, name or vague time', () => {
    const dated = mentions.filter((m) => m.value).map((m) => m.text);
    for (const notADate of [
      '613',
      '1275',
      '63',
      '100th',
      '23rd March',
      'JF-17',
      'MiG-29',
      'Recently',
      'recently',
      'the previous year',
      'past two years',
      'the past one year',
      'the past few years',
    ]) {
      expect(
        dated.filter((t) => t.includes(notADate)),
        trace,
      ).toEqual([]);
    }
  });

  it('gives no date to a sentence the gold leaves undated, except through the mentions above', () => {
    // The senate visit "on its 100th anniversary" follows "Recently": it must not inherit 1995.
    const visit = mentions.filter((m) => m.start >= 3538 && m.end <= 3712);
    expect(visit.map((m) => [m.text, m.value])).toEqual([['Recently', null]]);
  });
});
