// The contract every date rule and every output of findTimes keeps, run over a corpus of
// sentences in several styles: spans inside the text, text equal to its slice, text order, no
// overlaps, determinism, values that survive formatDate/parseDate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTimes, formatDate, parseDate } from '../src/extract/dates/index.ts';
import { findingsOf } from '../src/extract/dates/scan.ts';
import { TIME_RULES } from '../src/extract/dates/rules/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

const essay = readFileSync(new URL('../corpus/azerbaijan-pakistan.txt', import.meta.url), 'utf8');
const news =
  'BAKU, June 16 (Reuters) - The ministers met on Tuesday and will meet again next Wednesday. ' +
  'Trade grew 12 percent last year, up from 2019, and 2,000 troops took part in drills held 2–4 June 2021. ' +
  'The next day, the two sides signed a deal; ten days ago, they had met in Ankara.\n\n' +
  'In the winter of 2014-15, gas was cut. Since independence in 1991, ties have grown; a year after the war ' +
  'they doubled. During ADEX-2016 and the 1990s, in mid-2015 and by 2010, prices rose by 2000 points.';
const encyclopedia =
  'Georgia declared independence on 9 April 1991. Between 1991 and 1993 it fought civil wars. After the Rose ' +
  'Revolution of 2003 it sought NATO membership; five years after the revolution, in August 2008, war broke out. ' +
  'The following March, talks resumed; that May, they failed. ' +
  'In the late 20th century and early 2000s, 25/03/2019, 04/03/2019 and 2019-03-04 were not yet written. AD 476, 480 BC.';
const CORPUS = [essay, news, encyclopedia, '', 'No dates here at all.', '1991', 'In 1991', 'May'];

describe('every rule', () => {
  const sentences = CORPUS.flatMap((t) => splitSentences(t).map((s) => t.slice(s.start, s.end)));

  it.each(TIME_RULES.map((r) => [r.name, r] as const))(
    '%s: has g and d flags and keeps its findings inside the sentence',
    (_name, rule) => {
      expect(rule.pattern.flags).toContain('g');
      expect(rule.pattern.flags).toContain('d');
      for (const s of sentences) {
        for (const { finding } of findingsOf(s, [rule])) {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeGreaterThan(finding.start);
          expect(finding.end).toBeLessThanOrEqual(s.length);
          if (finding.anchor === 'absolute' && finding.value)
            expect(parseDate(formatDate(finding.value))).toEqual(finding.value);
        }
      }
    },
  );

  it('names are unique', () => {
    expect(new Set(TIME_RULES.map((r) => r.name)).size).toBe(TIME_RULES.length);
  });
});

describe('findTimes', () => {
  const ruleNames = new Set(TIME_RULES.map((r) => r.name));
  it.each(CORPUS.map((t, i) => [i, t] as const))(
    'text %i: spans, order, overlaps, values, determinism',
    (_i, text) => {
      for (const documentDate of [null, '2021-06-16']) {
        const sentences = splitSentences(text);
        const mentions = findTimes(text, sentences, { documentDate });
        let last = 0;
        for (const m of mentions) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.text).toBe(text.slice(m.start, m.end));
          expect(ruleNames.has(m.rule)).toBe(true);
          if (m.value) {
            expect(m.value.first <= m.value.last).toBe(true);
            expect(parseDate(formatDate(m.value))).toEqual(m.value);
          }
          last = m.end;
        }
        expect(findTimes(text, sentences, { documentDate })).toEqual(mentions);
      }
    },
  );
});

describe('formatDate and parseDate', () => {
  it.each([
    '1991',
    '2003-05',
    '1991-12-12',
    '1920/1929',
    '1992-02-25/1992-02-26',
    '2013-12/2014-02',
    '0476',
  ])('%s round-trips', (s) => {
    expect(formatDate(parseDate(s)!)).toBe(s);
  });
  it('spells out the days of a value', () => {
    expect(parseDate('2003-05')).toEqual({
      first: '2003-05-01',
      last: '2003-05-31',
      precision: 'month',
    });
    expect(parseDate('2000-02')).toEqual({
      first: '2000-02-01',
      last: '2000-02-29',
      precision: 'month',
    });
    expect(parseDate('1920/1929')).toEqual({
      first: '1920-01-01',
      last: '1929-12-31',
      precision: 'year',
    });
  });
  it.each([
    '',
    '91',
    '1991-13',
    '1991-02-30',
    '2004/2001',
    '1991/1992-03',
    '1991/1992/1993',
    '1991-1-1',
    'May 2003',
    '0000',
  ])('rejects %j', (s) => {
    expect(parseDate(s)).toBeNull();
  });
});
