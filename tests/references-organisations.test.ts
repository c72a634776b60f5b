// Organisations referred to as prose by other authors does: "it" after an organisation subject,
// "the agency" or "the court" for an organisation whose full name has the word, and an acronym
// that spells a clause word ("the WHO"). Sentences written for the class.
import { describe, expect, it } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import { extract } from '../src/extract/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';

function refs(text: string): [string, string[]][] {
  return findActors(text, splitSentences(text), { documentDate: '2025-03-20' })
    .filter((m) => m.how === 'reference')
    .map((m) => [m.text, m.codes]);
}

describe('references to an organisation', () => {
  const rows: [string, [string, string[]][]][] = [
    ['The IAEA issued a report on Monday. It accused Iran of hiding uranium.', [['It', ['IAEA']]]],
    ['The European Union met in Brussels. It urged Russia to withdraw.', [['It', ['EU']]]],
    // A state subject is read as before.
    ['Kenya closed the border. It accused Somalia of raids.', [['It', ['KEN']]]],
    // "It is" is mostly no actor.
    ['The IAEA issued a report. It is long.', []],
    [
      'The IAEA sent inspectors to Iran. The agency said access was denied.',
      [['The agency', ['IAEA']]],
    ],
    ['Somalia took Kenya to the ICJ. The court ruled for Somalia.', [['The court', ['ICJ']]]],
    ['The GCC met in Doha. The council urged Iran to talk.', [['The council', ['GCC']]]],
    // "The organisation" may be any group: only a name with the word itself is read.
    ['Amnesty praised the OSCE. The organization said more.', []],
  ];
  it.each(rows)('%s', (text, want) => {
    expect(refs(text)).toEqual(want);
  });
});

describe('an acronym that spells a clause word', () => {
  it('stays in its clause as a party', () => {
    const x = extract({ text: 'Chinese officials accused the WHO of bias on 1 March 2025.' });
    expect(x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')}`)).toEqual([
      'ACCUSE CHN+WHO',
    ]);
  });
});
