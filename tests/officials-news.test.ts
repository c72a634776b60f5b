// News officials: named in full once with a title that says whose official they are, then by
// surname alone. The surname after that first mention acts for the same state. Sentences written
// for the class.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';
import { findActors } from '../src/extract/actors/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

function codeAt(text: string, word: string, nth = 0): string | null {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(word, at + 1);
  const m = findActors(text, splitSentences(text)).find((a) => a.start === at);
  return m ? m.code : null;
}

describe('a surname after the official’s first mention', () => {
  const rows: [string, string, number, string | null][] = [
    [
      'Brazilian Foreign Minister Mauro Vieira arrived in Santiago. Vieira later met students.',
      'Vieira',
      1,
      'BRA',
    ],
    [
      'Kenyan Interior Minister Kithure Kindiki spoke on Monday. Kindiki’s deputy listened.',
      'Kindiki',
      1,
      'KEN',
    ],
    // Chinese names are written family name first.
    [
      'Chinese Foreign Ministry spokeswoman Mao Ning spoke. Mao said talks would go on.',
      'Mao',
      1,
      'CHN',
    ],
    // A surname the gazetteer lists as needing a title is, after the full name, that person.
    [
      'U.S. Defense Secretary Lloyd Austin flew to Manila in 2022. Austin then met the navy chief.',
      'Austin',
      1,
      'USA',
    ],
    [
      'Secretary of State Colin Powell arrived in Ankara in 2003. Powell’s aides stayed behind.',
      'Powell',
      1,
      'USA',
    ],
    // Before the first mention a surname is nobody yet.
    ['Vieira spoke first. Brazilian Foreign Minister Mauro Vieira then left.', 'Vieira', 0, null],
    // Two officials of different states with one surname: unresolved.
    ['South Korean envoy Park Jin met Chinese envoy Park Wei. Park said nothing.', 'Park', 2, null],
  ];
  it.each(rows)('%s → %s', (text, word, nth, code) => {
    expect(codeAt(text, word, nth)).toBe(code);
  });

  it('makes the surname’s act the state’s', () => {
    const text =
      'Polish Foreign Minister Radoslaw Sikorski visited Kyiv on 2 May 2024. ' +
      'Sikorski urged Hungary on 3 May 2024 to stop blocking aid.';
    const x = extract({ text, date: '2024-05-10' });
    expect(x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')}`)).toContain(
      'REQUEST HUN+POL',
    );
  });
});

describe('a state’s envoy or mission to an organisation is the state’s', () => {
  function mentions(text: string): string[] {
    return findActors(text, splitSentences(text), { documentDate: '2024-05-01' }).map(
      (m) => `${m.text}=${m.codes.join('+')}`,
    );
  }
  const rows: [string, string[]][] = [
    ["Norway's U.N. ambassador walked out.", ["Norway's U.N. ambassador=NOR"]],
    [
      'The Brazilian Deputy U.N. Ambassador Ana Costa objected.',
      ['Brazilian Deputy U.N. Ambassador Ana Costa=BRA'],
    ],
    ['Chile’s EU mission issued a note to Peru.', ['Chile’s EU mission=CHL', 'Peru=PER']],
    // "his mission" is the official's state; the organisation in it is no party.
    [
      'Kenya’s U.N. envoy spoke first, but his U.N. mission later rejected the draft.',
      ['Kenya’s U.N. envoy=KEN', 'his U.N. mission=KEN'],
    ],
    // The organisation's own officials stay the organisation's.
    ['The U.N. envoy for Yemen met Oman.', ['U.N. envoy=UN', 'Yemen=YEM', 'Oman=OMN']],
    ['Ghana asked the U.N. mission to stay.', ['Ghana=GHA', 'U.N.=UN']],
  ];
  it.each(rows)('%s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});
