// Table tests of the date rules: each row is a text and every mention expected in it, as
// [mention text, contract value or null]. Offsets are checked against the text's first
// occurrence of the mention text. The document date is Wednesday 16 June 2021.
import { describe, expect, it } from 'vitest';
import { findTimes, formatDate } from '../src/extract/dates/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';
import type { TimeMention } from '../src/extract/types.ts';

const DOCUMENT_DATE = '2021-06-16';

type Row = [text: string, expected: [mention: string, value: string | null][]];

/** The mentions of `text`, with a trace of every rule's finding when an assertion fails. */
function times(text: string, documentDate: string | null = DOCUMENT_DATE): TimeMention[] {
  return findTimes(text, splitSentences(text), { documentDate });
}

function check(text: string, expected: Row[1], documentDate: string | null = DOCUMENT_DATE) {
  const found = times(text, documentDate);
  const trace = found
    .map(
      (m) =>
        `${m.start}-${m.end} ${JSON.stringify(m.text)} → ${m.value ? formatDate(m.value) : 'null'} (${m.anchor}, ${m.rule})`,
    )
    .join('\n');
  expect(
    found.map((m) => [m.text, m.value && formatDate(m.value)]),
    `trace:\n${trace || '(no mentions)'}`,
  ).toEqual(expected);
  let from = 0;
  for (const m of found) {
    const start = text.indexOf(m.text, from);
    expect([m.start, m.end]).toEqual([start, start + m.text.length]);
    from = m.end;
  }
}

describe('absolute dates', () => {
  const rows: Row[] = [
    ['Pakistan recognized Azerbaijan on December 12,1991.', [['December 12,1991', '1991-12-12']]],
    ['It happened on December 12, 1991 in Baku.', [['December 12, 1991', '1991-12-12']]],
    ['The treaty was signed 12 December 1991.', [['12 December 1991', '1991-12-12']]],
    ['It was signed on the 12th of December, 1991.', [['12th of December, 1991', '1991-12-12']]],
    ['The accord was initialled on Dec. 12th 1991.', [['Dec. 12th 1991', '1991-12-12']]],
    ['They signed a defense agreement in May of 2003.', [['May of 2003', '2003-05']]],
    ['The exercise was held in March 2013 in the Arabian Sea.', [['March 2013', '2013-03']]],
    ['It was signed in February 2014 in Islamabad.', [['February 2014', '2014-02']]],
    ['The deal was closed in Sept. 2001.', [['Sept. 2001', '2001-09']]],
    ['Troops arrived in mid-March 2013.', [['mid-March 2013', '2013-03']]],
    ['Fighting went on from March–April 2013.', [['from March–April 2013', '2013-03/2013-04']]],
    ['It rained between May and July 2003.', [['between May and July 2003', '2003-05/2003-07']]],
    ['From March to May 2003 it rained.', [['From March to May 2003', '2003-03/2003-05']]],
    [
      'It rained in May and July 2003.',
      [
        ['May', '2003-05'],
        ['July 2003', '2003-07'],
      ],
    ],
    [
      'The town fell on the night of 25-26th February, 1992.',
      [['25-26th February, 1992', '1992-02-25/1992-02-26']],
    ],
    ['Fighting raged on 25–26 February 1992.', [['25–26 February 1992', '1992-02-25/1992-02-26']]],
    ['Talks resumed on February 25-26, 1992.', [['February 25-26, 1992', '1992-02-25/1992-02-26']]],
    [
      'The war lasted from 27 September to 10 November 2020.',
      [['27 September to 10 November 2020', '2020-09-27/2020-11-10']],
    ],
    [
      'The war lasted September 27 – November 10, 2020.',
      [['September 27 – November 10, 2020', '2020-09-27/2020-11-10']],
    ],
    ['It became independent in 1991.', [['1991', '1991']]],
    ['In 1991, the Soviet Union collapsed.', [['1991', '1991']]],
    ['They have cooperated since 2003.', [['2003', '2003']]],
    ['The plant is to be finished by 2010.', [['2010', '2010']]],
    [
      'The document was updated in 2015 and 2016.',
      [
        ['2015', '2015'],
        ['2016', '2016'],
      ],
    ],
    [
      'Drills were held in 2011, 2013 and 2015.',
      [
        ['2011', '2011'],
        ['2013', '2013'],
        ['2015', '2015'],
      ],
    ],
    ['Trade grew between 2001 and 2004.', [['between 2001 and 2004', '2001/2004']]],
    ['Elections were held from 2001 to 2004.', [['from 2001 to 2004', '2001/2004']]],
    ['The 1992–1995 war ended at Dayton.', [['1992–1995', '1992/1995']]],
    ['The 1992-95 war ended at Dayton.', [['1992-95', '1992/1995']]],
    ['Trade rose in 2014-15.', [['2014-15', '2014/2015']]],
    [
      'He visited Baku in 1995.Recently, ties grew.',
      [
        ['1995', '1995'],
        ['Recently', null],
      ],
    ],
    ['The city grew in the 1920s.', [['1920s', '1920/1929']]],
    ['From 1920s Azerbaijan was dominated by the USSR.', [['1920s', '1920/1929']]],
    ['Oil money poured in during the 1990s.', [['1990s', '1990/1999']]],
    ['Investment rose in the early 2000s.', [['early 2000s', '2000/2003']]],
    ['Ties cooled in the late 1990s.', [['late 1990s', '1997/1999']]],
    ['Music of the ’60s is still played.', [['’60s', '1960/1969']]],
    [
      'It is one of the gravest crimes of the late 20th century.',
      [['late 20th century', '1967/1999']],
    ],
    ['Oil shaped the twentieth century.', [['twentieth century', '1900/1999']]],
    ['Troops massed in winter 2014.', [['winter 2014', '2013-12/2014-02']]],
    ['Gas was cut in the winter of 2014-15.', [['winter of 2014-15', '2014-12/2015-02']]],
    ['The talks began in the spring of 2008.', [['spring of 2008', '2008-03/2008-05']]],
    ['Output peaked in mid-2015.', [['mid-2015', '2015']]],
    ['Prices fell by the end of 2015.', [['end of 2015', '2015']]],
    ['The report is dated 2019-03-04.', [['2019-03-04', '2019-03-04']]],
    ['The memo of 25/03/2019 was leaked.', [['25/03/2019', '2019-03-25']]],
    ['The memo of 03/25/2019 was leaked.', [['03/25/2019', '2019-03-25']]],
    // Day and month could be either way round: only the year is certain.
    ['The memo of 04/03/2019 was leaked.', [['04/03/2019', '2019']]],
    ['Azerbaijan took part in AMAN-2013 in the Arabian Sea.', [['AMAN-2013', '2013']]],
    ['The JF-17 was shown at ADEX-2016.', [['ADEX-2016', '2016']]],
    ['It was shown at the 2016 Azerbaijan International Defense Exhibition.', [['2016', '2016']]],
    ['Pakistan’s 2018 elections were close.', [['2018', '2018']]],
    ['In the 2008 war, Russia won.', [['2008', '2008']]],
    ['Ministers met during the 2016 exhibition.', [['2016', '2016']]],
    ['The FY2020 budget was passed.', [['2020', '2020']]],
    ['The city was founded in 1066 AD.', [['1066 AD', '1066']]],
    ['Rome fell in AD 476.', [['AD 476', '0476']]],
    ['The city was founded in 480 BC.', [['480 BC', null]]],
    ['The deal was worth 2000 dollars in 1999.', [['1999', '1999']]],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected));
});

describe('a year before a statement noun: "a 2018 report", "in a 2017 statement"', () => {
  const rows: Row[] = [
    ['A 2018 report by the OAS criticized Bolivia.', [['2018', '2018']]],
    ['In a 2017 statement, Laos thanked Vietnam.', [['2017', '2017']]],
    ['Togo cited the 2016 annual review.', [['2016', '2016']]],
    ['Its 2015 letters to Benin went unanswered.', [['2015', '2015']]],
    // A count before the noun is no year.
    ['It filed 2000 reports.', []],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected));
});

describe('numbers and words that are not dates', () => {
  const rows: Row[] = [
    ['More than 613 people were killed.', []],
    ['Some 1275 innocent residents were taken hostage.', []],
    ['In all, 63 children, 106 women and 70 old people died.', []],
    ['Pakistan sent 2,000 troops.', []],
    ['Pakistan sent 2000 troops.', []],
    ['The border is 1500 km long.', []],
    ['The border runs for 1500 km.', []],
    ['Exports increased by 2000.', []],
    ['Visitors rose from 1200 to 1500.', []],
    ['It was attacked by 2000 troops.', []],
    ['It celebrated the 100th anniversary of its parliament.', []],
    ['Paratroopers marched in the 23rd March Parade.', []],
    ['Call 0300-1234567 for details.', []],
    ['Call +92 51 9201 1234 for details.', []],
    ['Pakistan flies the F-16 and the JF-17.', []],
    ['Resolution 1244 was adopted.', []],
    ['The meeting starts at 10:30.', []],
    ['The rally began at 5 pm.', []],
    ['Pakistan may join the bloc.', []],
    ['May Pakistan prosper.', []],
    ['They joined a protest march.', []],
    ['The troops march on.', []],
    ['He won 1991 votes.', []],
    ['Thousands, 1000s of people, came.', []],
    ['Azerbaijan spent 80 years of struggle.', []],
    ['The MiG-29 and Su-25 fly on.', []],
    ['It was in the past.', []],
    ['The last year of the war was the worst.', []],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected));
});

describe('expressions counted from the document date (Wednesday 16 June 2021)', () => {
  const rows: Row[] = [
    ['Officials met yesterday.', [['yesterday', '2021-06-15']]],
    ['The minister arrives today.', [['today', '2021-06-16']]],
    ['Trade grew last year.', [['last year', '2020']]],
    ['Exports fell this year.', [['this year', '2021']]],
    ['Elections are due next year.', [['next year', '2022']]],
    ['Talks stalled last month.', [['last month', '2021-05']]],
    // A week is either calendar week (Sunday or Monday first); the past never runs past the
    // document date.
    ['The envoy visited last week.', [['last week', '2021-06-06/2021-06-13']]],
    ['The envoy visited this week.', [['this week', '2021-06-13/2021-06-16']]],
    ['The envoy visited earlier this week.', [['earlier this week', '2021-06-13/2021-06-15']]],
    ['The envoy will visit this week.', [['this week', '2021-06-16/2021-06-20']]],
    ['The envoy will visit later this week.', [['later this week', '2021-06-17/2021-06-20']]],
    ['The envoy will visit next week.', [['next week', '2021-06-20/2021-06-27']]],
    ['Prices rose earlier this year.', [['earlier this year', '2021']]],
    ['The ministers met on Tuesday.', [['Tuesday', '2021-06-15']]],
    ['The ministers met on Wednesday.', [['Wednesday', '2021-06-16']]],
    ['The ministers met on Thursday.', [['Thursday', '2021-06-10']]],
    ['The ministers will meet on Thursday.', [['Thursday', '2021-06-17']]],
    ['On Thursday, the ministers will meet.', [['Thursday', '2021-06-17']]],
    // A hope or an aim in the present looks ahead; one in the past does not.
    ['Chile hopes to settle the dispute at talks on Thursday.', [['Thursday', '2021-06-17']]],
    ['Peru aims to sign the accord at a summit on Friday.', [['Friday', '2021-06-18']]],
    ['Chile hoped to settle the dispute at talks on Thursday.', [['Thursday', '2021-06-10']]],
    // The future cue belongs to the other clause: Tuesday is past.
    [
      'The ministers met on Tuesday and will meet again next Wednesday.',
      [
        ['Tuesday', '2021-06-15'],
        ['next Wednesday', '2021-06-23'],
      ],
    ],
    ['The parliament met on Monday last.', [['Monday last', '2021-06-14']]],
    ['The parliament met last Wednesday.', [['last Wednesday', '2021-06-09']]],
    ['The parliament meets next Wednesday.', [['next Wednesday', '2021-06-23']]],
    ['Visits doubled in the past two years.', [['the past two years', '2019/2021']]],
    ['Tourism grew in past two years.', [['past two years', '2019/2021']]],
    ['In the past one year around 40 visits occurred.', [['the past one year', '2020/2021']]],
    ['Trade fell over the last three months.', [['the last three months', '2021-03/2021-06']]],
    ['The treaty was signed three years ago.', [['three years ago', '2018']]],
    ['The accord was signed ten days ago.', [['ten days ago', '2021-06-06']]],
    ['Relations improved recently.', [['recently', null]]],
    ['Ties grew in the past few years.', [['the past few years', null]]],
    ['Talks were held on 5 March.', [['5 March', '2021-03-05']]],
    ['Talks were held on 5 July.', [['5 July', '2020-07-05']]],
    ['Talks will be held on 5 July.', [['5 July', '2021-07-05']]],
    ['Talks were held in March.', [['March', '2021-03']]],
    ['Talks will resume next March.', [['next March', '2022-03']]],
    ['Talks collapsed last July.', [['last July', '2020-07']]],
    ['The Tuesday, 3 March 2015 meeting was cancelled.', [['3 March 2015', '2015-03-03']]],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected));
});

describe('a week counted from a Sunday (13 June 2021)', () => {
  // The Monday-first week ends on the Sunday: "last week" is the week just ended, read either way.
  const rows: Row[] = [
    ['The envoys met last week.', [['last week', '2021-06-06/2021-06-13']]],
    ['Both leaders spoke by phone last week.', [['last week', '2021-06-06/2021-06-13']]],
    ['The envoys met this week.', [['this week', '2021-06-07/2021-06-13']]],
    ['The envoys will meet next week.', [['next week', '2021-06-14/2021-06-26']]],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected, '2021-06-13'));
});

describe('a count before a clause dates that clause from the reference', () => {
  const rows: Row[] = [
    [
      'The envoy protested on 5 May 2020, three days after the government announced the drill.',
      [
        ['5 May 2020', '2020-05-05'],
        ['three days after', '2020-05-02'],
      ],
    ],
    [
      'Seoul replied on 9 July 2019. The reply came a week before Tokyo tightened its rules.',
      [
        ['9 July 2019', '2019-07-09'],
        ['a week before', '2019-07-16'],
      ],
    ],
    [
      'The two states made peace in 2012, a decade after they fought a border war.',
      [
        ['2012', '2012'],
        ['a decade after', '2002'],
      ],
    ],
    // An event noun after the count is the event's (event-offset), not a clause.
    [
      'The talks resumed on 3 June 2018, a year after the war.',
      [
        ['3 June 2018', '2018-06-03'],
        ['a year after the war', null],
      ],
    ],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected));
});

describe('a visit told by its length only: the days up to the document date', () => {
  const rows: Row[] = [
    [
      'The pact was signed during a three-day visit by the prime minister.',
      [['during a three-day visit', '2021-06-14/2021-06-16']],
    ],
    [
      'The talks crowned his two-day state visit to Kenya.',
      [['his two-day state visit', '2021-06-15/2021-06-16']],
    ],
    // Another date in the sentence dates the visit; a future one is not yet.
    ['His two-day visit to Kenya in 2019 was brief.', [['2019', '2019']]],
    ['The president will make a two-day visit to Kenya.', []],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected));
  it('stays undated without a document date', () =>
    check(
      'The pact came during a four-day trip to Peru.',
      [['during a four-day trip', null]],
      null,
    ));
});

describe('parts of the document day and its weekend', () => {
  const rows: Row[] = [
    ['Nepal summoned the envoy this morning.', [['this morning', '2021-06-16']]],
    ['The minister arrived tonight.', [['tonight', '2021-06-16']]],
    ['Both sides exchanged fire last night.', [['last night', '2021-06-15']]],
    ['The talks broke down over the weekend.', [['the weekend', '2021-06-12/2021-06-13']]],
    ['The envoys met this past weekend.', [['this past weekend', '2021-06-12/2021-06-13']]],
    ['The envoys met last weekend.', [['last weekend', '2021-06-12/2021-06-13']]],
    ['The envoys will meet at the weekend.', [['the weekend', '2021-06-19/2021-06-20']]],
    ["Last night's raid was condemned.", []],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected));

  // On a Sunday the weekend is the one it ends; "last weekend" the one before.
  const sunday: Row[] = [
    ['The talks broke down over the weekend.', [['the weekend', '2021-06-12/2021-06-13']]],
    ['The envoys met last weekend.', [['last weekend', '2021-06-05/2021-06-06']]],
  ];
  it.each(sunday)('%s (a Sunday)', (text, expected) => check(text, expected, '2021-06-13'));
});

describe('"last" and a season: the latest such season ended before the document date', () => {
  const rows: Row[] = [
    // From Wednesday 16 June 2021: the spring just ended, the winter before it.
    ['The envoys met last spring.', [['last spring', '2021-03/2021-05']]],
    ['The envoys met last winter.', [['last winter', '2020-12/2021-02']]],
    ['The envoys met last summer.', [['last summer', '2020-06/2020-08']]],
    ["Last summer's talks failed.", []],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected));
  it('stays undated without a document date', () =>
    check('The envoys met last autumn.', [['last autumn', null]], null));
});

describe('the same expressions without a document date', () => {
  const rows: Row[] = [
    ['Trade grew last year.', [['last year', null]]],
    ['The ministers met on Tuesday.', [['Tuesday', null]]],
    ['Visits doubled in the past two years.', [['the past two years', null]]],
    ['Paratroopers came on 23rd March.', [['23rd March', null]]],
    ['Talks were held in March.', [['March', null]]],
    ['The next day, the talks resumed.', [['The next day', null]]],
  ];
  it.each(rows)('%s', (text, expected) => check(text, expected, null));

  it('reports what each unresolved mention would have been anchored to', () => {
    const anchors = times(
      'Trade grew last year. The next day, talks resumed. During the referendum, turnout was high.',
      null,
    ).map((m) => [m.text, m.anchor]);
    expect(anchors).toEqual([
      ['last year', 'document'],
      ['The next day', 'previous'],
      ['During the referendum', 'event'],
    ]);
  });
});

describe('findTimes options', () => {
  it('rejects a document date that is not a day', () => {
    expect(() => times('In 1991.', '2021-02-30')).toThrow(/not a YYYY-MM-DD day/);
  });
  it('returns nothing for an empty text', () => {
    expect(times('')).toEqual([]);
  });
});

describe('a weekday after a verb in the past is past, whatever plan follows it', () => {
  it.each([
    ['Chile and Peru reached a deal on Saturday on a plan to reopen the border.', '2024-03-09'],
    ['The envoys met on Tuesday to prepare talks that will open next month.', '2024-03-12'],
  ])('%s', (text, want) => {
    const [m] = findTimes(text, splitSentences(text), { documentDate: '2024-03-15' });
    expect(m?.value && formatDate(m.value)).toBe(want);
  });
  it('a future before the date still makes it future', () => {
    const text = 'The envoys will meet on Tuesday to prepare the talks.';
    const [m] = findTimes(text, splitSentences(text), { documentDate: '2024-03-15' });
    expect(m?.value && formatDate(m.value)).toBe('2024-03-19');
  });
});
