// Discourse tests: multi-sentence texts in several styles (essay, news with a dateline,
// encyclopedia prose), asserting the value and anchor of the relative mentions.
import { describe, expect, it } from 'vitest';
import { findTimes, formatDate } from '../src/extract/dates/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';
import type { TimeAnchor } from '../src/extract/types.ts';

type Expected = [mention: string, value: string | null, anchor: TimeAnchor];

/** Every mention of `text` as [text, value, anchor]. */
function resolved(text: string, documentDate: string | null = null): Expected[] {
  return findTimes(text, splitSentences(text), { documentDate }).map((m) => [
    m.text,
    m.value && formatDate(m.value),
    m.anchor,
  ]);
}

describe('the reference time: the last date the text gave', () => {
  const rows: [string, Expected[]][] = [
    [
      'In 2001 the border was closed. In the same year, talks began.',
      [
        ['2001', '2001', 'absolute'],
        ['the same year', '2001', 'previous'],
      ],
    ],
    [
      'Talks began on 12 May 2001. That year trade fell.',
      [
        ['12 May 2001', '2001-05-12', 'absolute'],
        ['That year', '2001', 'previous'],
      ],
    ],
    [
      'Talks began on 12 May 2001. The same month, envoys met.',
      [
        ['12 May 2001', '2001-05-12', 'absolute'],
        ['The same month', '2001-05', 'previous'],
      ],
    ],
    [
      'The war began in 2008. A year later, a truce was signed. Two years later, elections were held.',
      [
        ['2008', '2008', 'absolute'],
        ['A year later', '2009', 'previous'],
        ['Two years later', '2011', 'previous'],
      ],
    ],
    // A day step from a month stays a month: no invented precision.
    [
      'The dispute began in February 1999. Two days later, troops moved.',
      [
        ['February 1999', '1999-02', 'absolute'],
        ['Two days later', '1999-02', 'previous'],
      ],
    ],
    [
      'Talks opened on 3 March 2004. The next day the ministers met.',
      [
        ['3 March 2004', '2004-03-03', 'absolute'],
        ['The next day', '2004-03-04', 'previous'],
      ],
    ],
    [
      'Talks opened on 31 December 2004. The next day the ministers met.',
      [
        ['31 December 2004', '2004-12-31', 'absolute'],
        ['The next day', '2005-01-01', 'previous'],
      ],
    ],
    [
      'The treaty was signed in 1995. Five years later, it lapsed.',
      [
        ['1995', '1995', 'absolute'],
        ['Five years later', '2000', 'previous'],
      ],
    ],
    [
      'A treaty was signed on 12 December 1991. A year later, it lapsed.',
      [
        ['12 December 1991', '1991-12-12', 'absolute'],
        ['A year later', '1992', 'previous'],
      ],
    ],
    [
      'The agreement was signed in 2010. The following year, it was ratified.',
      [
        ['2010', '2010', 'absolute'],
        ['The following year', '2011', 'previous'],
      ],
    ],
    [
      'The league was founded in the 1920s. A decade later, it collapsed.',
      [
        ['1920s', '1920/1929', 'absolute'],
        ['A decade later', '1930/1939', 'previous'],
      ],
    ],
    [
      'Elections were held in October 2010. Earlier that year, protests broke out.',
      [
        ['October 2010', '2010-10', 'absolute'],
        ['Earlier that year', '2010', 'previous'],
      ],
    ],
    [
      'In 2005 a new law passed. The previous year, riots had broken out.',
      [
        ['2005', '2005', 'absolute'],
        ['The previous year', '2004', 'previous'],
      ],
    ],
    [
      'Fighting stopped on 9 May 1994. Three months earlier, talks had failed.',
      [
        ['9 May 1994', '1994-05-09', 'absolute'],
        ['Three months earlier', '1994-02', 'previous'],
      ],
    ],
    [
      'Talks ended on Friday 4 June 2021. The following week, troops left.',
      [
        ['4 June 2021', '2021-06-04', 'absolute'],
        ['The following week', '2021-06-07/2021-06-13', 'previous'],
      ],
    ],
    // The reference carries over paragraphs (an essay's "In the same year" often opens one).
    [
      'The corridor opened in 2016.\n\nIn the same year, trade doubled.',
      [
        ['2016', '2016', 'absolute'],
        ['the same year', '2016', 'previous'],
      ],
    ],
  ];
  it.each(rows)('%j', (text, expected) => expect(resolved(text)).toEqual(expected));
});

describe('a yearless date takes its year only from its own paragraph', () => {
  it('in the same paragraph', () => {
    expect(resolved('In 1992 the war began. In March, talks opened.')).toEqual([
      ['1992', '1992', 'absolute'],
      ['March', '1992-03', 'previous'],
    ]);
  });
  it('not across a paragraph break', () => {
    expect(resolved('In 1992 the war began.\n\nIn March, talks opened.')).toEqual([
      ['1992', '1992', 'absolute'],
      ['March', null, 'previous'],
    ]);
  });
  it('from the document date when the paragraph gave none', () => {
    expect(resolved('In 1992 the war began.\n\nOn 5 March, talks opened.', '2021-06-16')).toEqual([
      ['1992', '1992', 'absolute'],
      ['5 March', '2021-03-05', 'document'],
    ]);
  });
});

describe('a yearless day after a day the text wrote out', () => {
  it('takes that day’s year, also when it falls later in the year', () => {
    expect(resolved('On 3 May 1994 the envoys met. On 9 June they signed a truce.')).toEqual([
      ['3 May 1994', '1994-05-03', 'absolute'],
      ['9 June', '1994-06-09', 'previous'],
    ]);
  });
  it('but not a year that would put a past act after the document date', () => {
    expect(
      resolved('On 3 May 2021 the envoys met. On 9 June they signed a truce.', '2021-05-20'),
    ).toEqual([
      ['3 May 2021', '2021-05-03', 'absolute'],
      ['9 June', '2020-06-09', 'previous'],
    ]);
  });
});

describe('a year heading dates the entries under it', () => {
  it('a year on a line of its own, for every entry until the next one', () => {
    const text =
      'Timeline\n1994\nMarch 2 – Envoys meet in Lusaka.\nMay 6 – A truce is signed.\n' +
      'August 30 – Talks resume.\n1995\nJanuary 12 – The border reopens.';
    expect(resolved(text, '2020-01-01')).toEqual([
      ['1994', '1994', 'absolute'],
      ['March 2', '1994-03-02', 'previous'],
      ['May 6', '1994-05-06', 'previous'],
      ['August 30', '1994-08-30', 'previous'],
      ['1995', '1995', 'absolute'],
      ['January 12', '1995-01-12', 'previous'],
    ]);
  });
  it('a markdown heading, across the paragraphs of its section', () => {
    const text =
      '## 1994\n\nMarch 2 – Envoys meet.\n\nAugust 30 – Talks resume.\n\n' +
      '## Later years\n\nIn March, trade resumed.';
    expect(resolved(text)).toEqual([
      ['1994', '1994', 'absolute'],
      ['March 2', '1994-03-02', 'previous'],
      ['August 30', '1994-08-30', 'previous'],
      ['March', null, 'previous'],
    ]);
  });
  it('not a year that opens a sentence of prose', () => {
    expect(resolved('1994 was a hard year.\n\nIn March, trade resumed.')).toEqual([
      ['March', null, 'previous'],
    ]);
  });
});

describe('a yearless month after a month counted from the document date', () => {
  it('takes that month’s year when it comes after it', () => {
    expect(
      resolved('Last February, Chile sent envoys. In June, talks opened.', '2021-08-16'),
    ).toEqual([
      ['Last February', '2021-02', 'document'],
      ['June', '2021-06', 'previous'],
    ]);
  });
  it('is the latest such month not after the document date when it would come before it', () => {
    expect(
      resolved('Last October, Chile sent envoys. In February, talks opened.', '2021-04-16'),
    ).toEqual([
      ['Last October', '2020-10', 'document'],
      ['February', '2021-02', 'document'],
    ]);
  });
  it('a month the text wrote out still lends its year', () => {
    expect(
      resolved('In October 2020, Chile sent envoys. In February, talks opened.', '2021-04-16'),
    ).toEqual([
      ['October 2020', '2020-10', 'absolute'],
      ['February', '2020-02', 'previous'],
    ]);
  });
});

describe('a month named against the reference: "the following March"', () => {
  const rows: [string, string | null, Expected[]][] = [
    [
      'Norway ratified the accord in 1996. The following March, Iceland followed.',
      null,
      [
        ['1996', '1996', 'absolute'],
        ['The following March', '1997-03', 'previous'],
      ],
    ],
    [
      'Talks opened on 3 June 2004. The next June, they collapsed.',
      '2010-01-01',
      [
        ['3 June 2004', '2004-06-03', 'absolute'],
        ['The next June', '2005-06', 'previous'],
      ],
    ],
    [
      'The envoys met in May 2001. That December, a treaty was signed. The previous October, ' +
        'a draft had leaked.',
      null,
      [
        ['May 2001', '2001-05', 'absolute'],
        ['That December', '2001-12', 'previous'],
        ['The previous October', '2001-10', 'previous'],
      ],
    ],
    // Without "the", "next March" counts from the document date.
    [
      'In 1996 they met. Next March, they will meet again.',
      '2010-01-01',
      [
        ['1996', '1996', 'absolute'],
        ['Next March', '2010-03', 'document'],
      ],
    ],
  ];
  it.each(rows)('%s (%s)', (text, date, want) => expect(resolved(text, date)).toEqual(want));
});

describe('a year that only names a thing lends no year to a yearless date', () => {
  const rows: [string, string | null, Expected[]][] = [
    [
      'Kenya disputed the 2017 election results. Uganda said (on 4 June) that it would reply.',
      '2023-06-20',
      [
        ['2017', '2017', 'absolute'],
        ['4 June', '2023-06-04', 'document'],
      ],
    ],
    [
      'The ZAMEX-2019 drills were large. In March, Zambia protested to Malawi.',
      '2022-05-02',
      [
        ['ZAMEX-2019', '2019', 'absolute'],
        ['March', '2022-03', 'document'],
      ],
    ],
    // A year the story is set in still lends its year.
    [
      'Relations soured in 2017. On 4 June, Uganda protested to Kenya.',
      '2023-06-20',
      [
        ['2017', '2017', 'absolute'],
        ['4 June', '2017-06-04', 'previous'],
      ],
    ],
    // Without a document date there is nothing else to take.
    [
      'Kenya disputed the 2017 election results. On 4 June, Uganda protested.',
      null,
      [
        ['2017', '2017', 'absolute'],
        ['4 June', '2017-06-04', 'previous'],
      ],
    ],
  ];
  it.each(rows)('%s (%s)', (text, date, want) => expect(resolved(text, date)).toEqual(want));
});

describe('the writer’s present', () => {
  it('"in recent years" brings the story back to the document date', () => {
    const text =
      'The treaty was signed in 2005. In recent years trade has grown. The previous year was difficult.';
    expect(resolved(text)).toEqual([
      ['2005', '2005', 'absolute'],
      ['In recent years', null, 'document'],
      ['The previous year', null, 'document'],
    ]);
    expect(resolved(text, '2021-06-16').at(-1)).toEqual(['The previous year', '2020', 'document']);
  });
});

describe('news with a dateline and a document date', () => {
  const text =
    'BAKU, June 16 (Reuters) - The foreign ministers of Azerbaijan and Turkey met on Tuesday in Baku. ' +
    'The next day they signed a transit deal. Trade between the two countries grew 12 percent last year, ' +
    'and officials said it would double by 2025.\n\n' +
    'The two sides last met in March. A pipeline deal was signed in the past two years.';
  it('resolves weekdays, deictic words and the reference against the document date', () => {
    expect(resolved(text, '2021-06-16')).toEqual([
      ['June 16', '2021-06-16', 'document'],
      ['Tuesday', '2021-06-15', 'document'],
      ['The next day', '2021-06-16', 'previous'],
      ['last year', '2020', 'document'],
      ['2025', '2025', 'absolute'],
      ['March', '2021-03', 'document'],
      ['the past two years', '2019/2021', 'document'],
    ]);
  });
  it('leaves the deictic ones undated without a document date', () => {
    expect(resolved(text).filter(([, v]) => v !== null)).toEqual([['2025', '2025', 'absolute']]);
  });
  it('counts a leading "the next day" from the document date', () => {
    expect(resolved('The next day, the envoy left.', '2021-06-16')).toEqual([
      ['The next day', '2021-06-17', 'document'],
    ]);
  });
});

describe('encyclopedia prose with many years', () => {
  const text =
    'Georgia declared independence on 9 April 1991. Between 1991 and 1993 it fought civil wars. ' +
    'After the Rose Revolution of 2003, it sought NATO membership. Five years after the revolution, ' +
    'the war with Russia broke out in August 2008. A year after the war, Georgia left the CIS. ' +
    'Since independence, it has held several elections.';
  it('dates events from the registry of named events', () => {
    expect(resolved(text)).toEqual([
      ['9 April 1991', '1991-04-09', 'absolute'],
      ['Between 1991 and 1993', '1991/1993', 'absolute'],
      ['2003', '2003', 'absolute'],
      ['Five years after the revolution', '2008', 'event'],
      ['August 2008', '2008-08', 'absolute'],
      ['A year after the war', '2009', 'event'],
      ['Since independence', '1991-04-09', 'event'],
    ]);
  });
});

describe('the registry of named events', () => {
  it('counts years from an independence dated earlier', () => {
    const text =
      'Azerbaijan got its independence from the USSR, after 80 years of struggle, in 1991. ' +
      'Just after 4 years of its independence the president visited Baku.';
    expect(resolved(text)).toEqual([
      ['1991', '1991', 'absolute'],
      ['after 4 years of its independence', '1995', 'event'],
    ]);
  });
  it('dates "during the exhibition" and "during ADEX" from an exhibition named with its year', () => {
    const text =
      'Pakistan showed the JF-17 at the 2016 Azerbaijan International Defense Exhibition (ADEX-2016). ' +
      'During the exhibition, ministers met. During ADEX, deals were signed.';
    expect(resolved(text)).toEqual([
      ['2016', '2016', 'absolute'],
      ['ADEX-2016', '2016', 'absolute'],
      ['During the exhibition', '2016', 'event'],
      ['During ADEX', '2016', 'event'],
    ]);
  });
  it('keeps "before the war" anchored but undated', () => {
    expect(resolved('The war began in 2008. Before the war, trade was high.')).toEqual([
      ['2008', '2008', 'absolute'],
      ['Before the war', null, 'event'],
    ]);
  });
  it('keeps an unknown event undated, and drops a vague "in the …" one', () => {
    expect(
      resolved('During the referendum, turnout was high. Many voted in the election.'),
    ).toEqual([['During the referendum', null, 'event']]);
  });
  it('does not take a new event for a registered one when the text dates it', () => {
    const text =
      'The president’s visit to Baku took place in 1995. He spoke during his official visit to Azerbaijan in October 2016.';
    expect(resolved(text)).toEqual([
      ['1995', '1995', 'absolute'],
      ['October 2016', '2016-10', 'absolute'],
    ]);
  });
  it('pairs a noun only with its nearest date', () => {
    const text =
      'They met in high-level meetings, and a cooperation agreement was signed in February 2014. ' +
      'During the meetings, ministers spoke. During the agreement talks, nothing changed.';
    expect(resolved(text).map(([t, v]) => [t, v])).toEqual([
      ['February 2014', '2014-02'],
      ['During the meetings', null],
      ['During the agreement talks', null],
    ]);
  });
  it('uses an event dated earlier in the same sentence', () => {
    const text =
      'After the Rose Revolution of 2003 it sought NATO membership; five years after the revolution, war broke out. ' +
      'A ceasefire was signed in May 1994 and has held since the ceasefire.';
    expect(resolved(text).map(([t, v]) => [t, v])).toEqual([
      ['2003', '2003'],
      ['five years after the revolution', '2008'],
      ['May 1994', '1994-05'],
      ['since the ceasefire', '1994-05'],
    ]);
  });
  it('uses the latest date given to an event noun', () => {
    const text =
      'An agreement was signed in 2003. A new agreement was signed in 2014. Since the agreement, trade grew.';
    expect(resolved(text).at(-1)).toEqual(['Since the agreement', '2014', 'event']);
  });
});

describe('other countries, other styles', () => {
  it('a stretch of time is counted from its end, a decade moves whole', () => {
    expect(resolved('Talks ran from 1998 to 2000. Two years later, a ruling came.').at(-1)).toEqual(
      ['Two years later', '2002', 'previous'],
    );
    expect(
      resolved('Talks ran from 1998 to 2000. Two years earlier, war broke out.').at(-1),
    ).toEqual(['Two years earlier', '1996', 'previous']);
    expect(
      resolved('Fighting raged on 25–26 February 1992. Two days later, it stopped.').at(-1),
    ).toEqual(['Two days later', '1992-02-28', 'previous']);
  });
  it('a treaty and a count of years after it', () => {
    const text =
      'France and Germany signed the Élysée Treaty on 22 January 1963. Ten years later, their youth office was founded.';
    expect(resolved(text)).toEqual([
      ['22 January 1963', '1963-01-22', 'absolute'],
      ['Ten years later', '1973', 'previous'],
    ]);
  });
  it('a war across years and what followed it', () => {
    const text =
      'The war between Ethiopia and Eritrea was fought from 1998 to 2000. Two years after the war, a border ruling came.';
    expect(resolved(text)).toEqual([
      ['from 1998 to 2000', '1998/2000', 'absolute'],
      ['Two years after the war', '2002', 'event'],
    ]);
  });
});
