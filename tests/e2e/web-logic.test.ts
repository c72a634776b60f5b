// The explorer's pure logic (no browser): day numbers, dates in words, URL state, axis ticks,
// and filtering. Tables of [input, expected], positive and negative rows.
import { describe, expect, test } from 'vitest';
import type { EventSummary } from '../../web/api.ts';
import { dayOf, dayOfYear, formatDate, isoOf, precisionOf } from '../../web/dates.ts';
import { filterEvents } from '../../web/filters.ts';
import { markdownBlocks, visibleText } from '../../web/markdown.ts';
import { binUnit, ticks } from '../../web/timeline.ts';
import { emptyState, readState, writeState } from '../../web/url-state.ts';

describe('day numbers', () => {
  test.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['1991-12-12', 8015],
    ['0050-03-01', dayOfYear(50, 2, 1)],
  ])('dayOf(%s) = %i and back', (iso, day) => {
    expect(dayOf(iso)).toBe(day);
    expect(isoOf(day)).toBe(iso);
  });

  test.each([null, '', '1991', '1991-12', '12/12/1991', '1991-12-12T00:00'])(
    'dayOf(%j) is null',
    (s) => {
      expect(dayOf(s)).toBeNull();
    },
  );

  test.each([
    [1991, 11, 1, '1991-12-01'],
    // Month overflow carries into the next year (the density chart's month bins rely on it).
    [1991, 12, 1, '1992-01-01'],
    [1991, -1, 1, '1990-12-01'],
    [99, 0, 1, '0099-01-01'],
  ])('dayOfYear(%i, %i, %i) is %s', (y, m, d, iso) => {
    expect(isoOf(dayOfYear(y, m, d))).toBe(iso);
  });
});

describe('dates in words', () => {
  test.each([
    ['1991-12-12', '12 December 1991', 'day precision'],
    ['2003-05', 'May 2003', 'month precision'],
    ['1995', '1995', 'year precision'],
    ['1920/1929', 'the 1920s', 'interval, year precision'],
    ['1992-02-25/1992-02-26', '25 February 1992 – 26 February 1992', 'interval, day precision'],
    ['1921/1929', '1921 – 1929', 'interval, year precision'],
    [null, 'undated', 'no date in the text'],
  ])('%s', (date, words, precision) => {
    expect(formatDate(date)).toBe(words);
    expect(precisionOf(date)).toBe(precision);
  });
});

describe('URL state', () => {
  test.each([
    ['', emptyState()],
    ['?a=aze&b=PAK', { ...emptyState(), a: 'AZE', b: 'PAK' }],
    [
      '?a=AZE&type=SUPPORT,agree&quad=verbal-cooperation',
      { ...emptyState(), a: 'AZE', types: ['SUPPORT', 'AGREE'], quads: ['verbal-cooperation'] },
    ],
    [
      '?from=1991&to=2003&q=first%20country&event=12',
      { ...emptyState(), from: '1991', to: '2003', q: 'first country', ev: '12' },
    ],
    // Not years: dropped rather than passed on to the filter.
    ['?from=last%20year&to=19x1', emptyState()],
    ['?unknown=1&zoom=1990-01-01,2000-01-01', { ...emptyState(), zoom: '1990-01-01,2000-01-01' }],
  ])('readState(%j)', (search, state) => {
    expect(readState(search)).toEqual(state);
  });

  test('writeState round-trips and leaves empty parameters out', () => {
    const s = {
      ...emptyState(),
      a: 'AZE',
      b: 'PAK',
      types: ['SUPPORT', 'AGREE'],
      q: 'Baku & Islamabad',
      zoom: '1990-01-01,2000-01-01',
    };
    const qs = writeState(s);
    expect(qs).toBe(
      '?a=AZE&b=PAK&type=SUPPORT,AGREE&q=Baku+%26+Islamabad&zoom=1990-01-01,2000-01-01',
    );
    expect(readState(qs)).toEqual(s);
    expect(writeState(emptyState())).toBe('');
  });
});

describe('axis ticks', () => {
  test.each([
    // [first, last, width px, expected first labels]
    ['1900-01-01', '2020-01-01', 1000, ['1900', '1910', '1920']],
    ['1990-01-01', '2000-01-01', 1000, ['1990', '1991', '1992']],
    ['1991-01-01', '1992-01-01', 1000, ['1991', 'Feb 1991', 'Mar 1991']],
    // 33 px a day: weekly ticks.
    ['1991-12-01', '1991-12-31', 1000, ['5 Dec', '12 Dec', '19 Dec']],
    ['1991-12-01', '1991-12-15', 1000, ['1 Dec', '3 Dec', '5 Dec']],
  ])('%s … %s at %ipx', (a, b, w, labels) => {
    const t = ticks(dayOf(a)!, dayOf(b)!, w);
    expect(t.slice(0, 3).map((x) => x.label)).toEqual(labels);
    // Ticks are inside the window, ascending, and at least the minimum spacing apart.
    for (let i = 1; i < t.length; i++)
      expect(((t[i]!.day - t[i - 1]!.day) / (dayOf(b)! - dayOf(a)!)) * w).toBeGreaterThanOrEqual(
        60,
      );
    expect(t.every((x) => x.day >= dayOf(a)! && x.day <= dayOf(b)!)).toBe(true);
  });

  test.each([
    [366 * 30, 'year'],
    [366 * 8 + 1, 'year'],
    [366 * 2, 'month'],
    [60, 'day'],
  ])('a %i-day window bins by %s', (span, unit) => {
    expect(binUnit(span)).toBe(unit);
  });
});

function event(id: string, over: Partial<EventSummary>): EventSummary {
  return {
    id,
    type: 'SUPPORT',
    quad: 'verbal-cooperation',
    date: null,
    first: null,
    last: null,
    source: { code: 'PAK', name: 'Pakistan' },
    target: { code: 'AZE', name: 'Azerbaijan' },
    actors: ['PAK', 'AZE'],
    negated: false,
    mentionCount: 1,
    documentIds: ['d1'],
    text: 'Pakistan recognized Azerbaijan',
    ...over,
  };
}

describe('filters', () => {
  const events = [
    event('1', { date: '1991-12-12', first: dayOf('1991-12-12'), last: dayOf('1991-12-12') }),
    event('2', {
      type: 'ASSAULT',
      quad: 'material-conflict',
      date: '1992',
      first: dayOf('1992-01-01'),
      last: dayOf('1992-12-31'),
      documentIds: ['d2'],
      text: 'Armenian forces attacked Khojaly',
    }),
    event('3', {
      type: 'CONSULT',
      date: '1920/1929',
      first: dayOf('1920-01-01'),
      last: dayOf('1929-12-31'),
    }),
    event('4', { type: 'AGREE' }),
  ];
  const ctx = { searchIds: null };
  test.each([
    [{}, ['1', '2', '3', '4']],
    [{ types: ['SUPPORT', 'AGREE'] }, ['1', '4']],
    [{ quads: ['material-conflict'] }, ['2']],
    // A range keeps events that reach into it, and drops undated ones.
    [{ from: '1925', to: '1991' }, ['1', '3']],
    [{ from: '1992' }, ['2']],
    [{ to: '1919' }, []],
    [{ doc: 'd2' }, ['2']],
    // Until the server's matches arrive, the words are looked for in the events' text.
    [{ q: 'khojaly' }, ['2']],
    [{ q: 'recognized azerbaijan' }, ['1', '3', '4']],
    [{ q: 'recognized khojaly' }, []],
  ])('%j', (patch, ids) => {
    expect(filterEvents(events, { ...emptyState(), ...patch }, ctx).map((e) => e.id)).toEqual(ids);
  });

  test('once the server matched the words, its events pass and only they', () => {
    expect(
      filterEvents(events, { ...emptyState(), q: 'massacre' }, { searchIds: new Set(['2']) }).map(
        (e) => e.id,
      ),
    ).toEqual(['2']);
    expect(
      filterEvents(
        events,
        { ...emptyState(), q: 'khojaly', types: ['SUPPORT'] },
        { searchIds: new Set(['1', '2']) },
      ).map((e) => e.id),
    ).toEqual(['1']);
  });
});

describe('Markdown blocks', () => {
  // Each block as [kind, its visible text].
  const read = (md: string) =>
    markdownBlocks(md).map((b) => [b.kind, visibleText(md, b.start, b.end, b.hidden)]);
  test.each([
    [
      '# Title\n\nFirst paragraph\ncontinues here.\n\n## Part two ##\nText.',
      [
        ['h1', 'Title'],
        ['p', 'First paragraph\ncontinues here.'],
        ['h2', 'Part two'],
        ['p', 'Text.'],
      ],
    ],
    [
      'Title\n=====\n\nSub\n---\nBody',
      [
        ['h1', 'Title'],
        ['h2', 'Sub'],
        ['p', 'Body'],
      ],
    ],
    [
      '- one\n- two **bold**\n  wrapped\n\n1. first\n2) second',
      [
        ['li', 'one'],
        ['li', 'two bold\nwrapped'],
        ['oli', 'first'],
        ['oli', 'second'],
      ],
    ],
    ['> quoted\n> more', [['quote', 'quoted\nmore']]],
    [
      'See [the treaty](https://example.org/t "T") and <https://example.org>.',
      [['p', 'See the treaty and https://example.org.']],
    ],
    [
      'An *emphasis*, __strong__ and `code *kept*`.',
      [['p', 'An emphasis, strong and code *kept*.']],
    ],
    ['snake_case_name and 5 * 3 * 2 stay', [['p', 'snake_case_name and 5 * 3 * 2 stay']]],
    [
      '```\n# not a heading\n```\nafter',
      [
        ['pre', '# not a heading'],
        ['p', 'after'],
      ],
    ],
    [
      'a\n\n***\n\nb',
      [
        ['p', 'a'],
        ['hr', ''],
        ['p', 'b'],
      ],
    ],
    [
      'Plain text, no markup: <b>tags</b> stay text.',
      [['p', 'Plain text, no markup: <b>tags</b> stay text.']],
    ],
  ])('%j', (md, blocks) => {
    expect(read(md)).toEqual(blocks);
  });

  test('blocks are offsets into the raw text: spans in it keep their words', () => {
    const md = '# Ties\n\nPakistan **recognised** Azerbaijan in 1991.';
    const [, p] = markdownBlocks(md);
    const at = md.indexOf('Pakistan');
    expect(p!.start).toBe(at);
    expect(visibleText(md, at, md.indexOf(' in 1991'), p!.hidden)).toBe(
      'Pakistan recognised Azerbaijan',
    );
  });
});
