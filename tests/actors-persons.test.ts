// People the office-holders do not list, resolved by how the prose names them: set off by commas
// beside a state's office, after an office phrase ending in a title's head noun, in a list of one
// state's officials. Their later surnames are the same state's. Sentences written for the class.
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import { extract } from '../src/extract/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

const DATE = '2025-03-20';

/** The code of the mention starting at the `nth` occurrence of `word`, or null. */
function codeAt(text: string, word: string, nth = 0, date: string | null = DATE): string | null {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`not in the text: ${word}`);
  const m = findActors(text, splitSentences(text), { documentDate: date }).find(
    (a) => a.start === at,
  );
  return m ? m.code : null;
}

describe('a person set off by commas beside a state’s office', () => {
  const rows: [string, string, number, string | null][] = [
    [
      'Argentina’s foreign minister, Diego Ruiz, flew to Lima. Ruiz met students.',
      'Ruiz',
      1,
      'ARG',
    ],
    ['The Kenyan president, Samuel Otieno, spoke first. Otieno then left.', 'Otieno', 1, 'KEN'],
    ['He met the Tanzanian president, Grace Mwita.', 'Grace Mwita', 0, 'TZA'],
    ['Ana Pérez, Chile’s foreign minister, arrived. Pérez spoke.', 'Ana Pérez', 0, 'CHL'],
    ['Ruiz, the Argentine minister, accused Chile.', 'Ruiz', 0, 'ARG'],
    // The post's place may stand between the office and the name.
    ['The EU ambassador to Kenya, Henriette Vogel, met students. Vogel spoke.', 'Vogel', 1, 'EU'],
    // "Title Name of State".
    ['Foreign Minister Tomás Vidal of Uruguay arrived. Vidal spoke.', 'Vidal', 1, 'URY'],
    // No apposition: a word the treebank knows as no name, a source named after a comma.
    ['However, the Kenyan president said no.', 'However', 0, null],
    ['said the Kenyan president, Reuters reported.', 'Reuters', 0, null],
  ];
  it.each(rows)('%s → %s', (text, word, nth, code) => {
    expect(codeAt(text, word, nth)).toBe(code);
  });
});

describe('a person after an office phrase ending in a title’s head noun', () => {
  const rows: [string, string, number, string | null][] = [
    [
      'UN human rights chief Volkmar Trautwein criticised the plan. Trautwein left.',
      'Trautwein',
      1,
      'UN',
    ],
    ['UNRWA head Pietro Lanzani spoke on Monday.', 'Pietro Lanzani', 0, 'UN'],
    ['Chile’s top diplomat, Ana Pérez, arrived. Pérez spoke.', 'Pérez', 1, 'CHL'],
    ['NATO’s deputy secretary general, Rada Petrova, visited Georgia.', 'Rada Petrova', 0, 'NATO'],
    // A former office is no one's now.
    ['UN former envoy Karl Weber spoke.', 'Karl Weber', 0, null],
    // The phrase must end in a title's head noun.
    ['EU farm subsidies Brussels Office said.', 'Office', 0, null],
  ];
  it.each(rows)('%s → %s', (text, word, nth, code) => {
    expect(codeAt(text, word, nth)).toBe(code);
  });

  it('makes the later surname’s act the organisation’s', () => {
    const text =
      'U.N. humanitarian chief Tobias Fenwick visited Sudan on 3 March 2025. ' +
      'Fenwick urged Sudan on 4 March 2025 to open the border crossings.';
    const x = extract({ text, date: DATE });
    expect(x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')}`)).toContain(
      'REQUEST SDN+UN',
    );
  });
});

describe('a titled name without a state, in a list or apposition that gives it', () => {
  const rows: [string, string, number, string | null][] = [
    [
      'The delegation included Ukrainian Foreign Minister Ivan Koval; Defense Minister Petro Lysenko.',
      'Defense Minister Petro Lysenko',
      0,
      'UKR',
    ],
    [
      'The spokesperson for Pakistan’s Ministry of Foreign Affairs, Ambassador Imran Qadir Baig, spoke.',
      'Ambassador Imran Qadir Baig',
      0,
      'PAK',
    ],
    // A list's comma or "and" may join another state's official.
    [
      'Chinese Foreign Minister Wang Yi and Secretary of State Dana Hollis met.',
      'Secretary of State Dana Hollis',
      0,
      null,
    ],
  ];
  it.each(rows)('%s → %s', (text, word, nth, code) => {
    expect(codeAt(text, word, nth)).toBe(code);
  });
});

describe('a background year does not date an official whose sentence names their present body', () => {
  const rows: [string, string, number, string | null][] = [
    [
      'Russia annexed Crimea in 2014. Rutte told the NATO summit it had to act.',
      'Rutte',
      0,
      'NATO',
    ],
    // No body named: the paragraph's year still dates the person.
    ['Russia annexed Crimea in 2014. Rutte said the Netherlands would act.', 'Rutte', 0, 'NLD'],
    // A year in the person's own sentence dates them.
    ['Rutte spoke at the NATO summit in 2014.', 'Rutte', 0, 'NLD'],
  ];
  it.each(rows)('%s → %s', (text, word, nth, code) => {
    expect(codeAt(text, word, nth)).toBe(code);
  });
});
