// The closed-class vocabularies every stage shares (data/lexicon/closed-class.tsv).
import { describe, expect, it } from 'vitest';
import { closedClass, parseClosedClasses } from '../src/extract/text/closed-class.ts';

describe('closed classes', () => {
  it('reads each class of the shipped table', () => {
    for (const w of ['of', 'against', 'amid', 'between']) {
      expect(closedClass('preposition').has(w), w).toBe(true);
    }
    for (const w of ['say', 'announce', 'tell']) {
      expect(closedClass('reporting').has(w), w).toBe(true);
    }
    expect(closedClass('preposition').has('said')).toBe(false);
    expect(closedClass('reporting').has('of')).toBe(false);
  });

  it('skips comments and refuses a row of an unknown class or with a third column', () => {
    const table = parseClosedClasses('# a comment\npreposition\tof\nreporting\tsay\n');
    expect([...table.get('preposition')!]).toEqual(['of']);
    expect([...table.get('reporting')!]).toEqual(['say']);
    expect(() => parseClosedClasses('adverb\tsoon\n')).toThrow(/malformed row 'adverb\tsoon'/);
    expect(() => parseClosedClasses('preposition\tof\tx\n')).toThrow(/malformed row/);
  });
});
