// An organisation's acronym that spells a clause word ("the WHO") is a name: it neither ends the
// clause its act is read in nor leaves the act's parties. Sentences written for the class.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';

describe('an acronym that spells a clause word', () => {
  it('stays in its clause as a party', () => {
    const x = extract({ text: 'Chinese officials accused the WHO of bias on 1 March 2025.' });
    expect(x.events.map((e) => `${e.type} ${[...e.actors].sort().join('+')}`)).toEqual([
      'ACCUSE CHN+WHO',
    ]);
  });
});
