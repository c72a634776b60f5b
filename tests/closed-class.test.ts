// The closed-class vocabularies every stage shares (data/lexicon/closed-class.tsv).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLOSED_CLASSES,
  closedClass,
  closedClasses,
  parseClosedClasses,
} from '../src/extract/text/closed-class.ts';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('closed classes', () => {
  it.each([
    ['preposition', ['of', 'against', 'amid', 'between'], ['said']],
    ['reporting', ['say', 'announce', 'tell'], ['of', 'said']],
    ['negator', ['not', "n't", 'never', 'no'], ['none']],
    ['modal-future', ['will', 'shall', "'ll", 'wo'], ['would']],
    ['modal-possibility', ['could', 'may', 'might', 'would'], ['will', 'can']],
    ['modal-ability', ['can', 'ca'], ['could']],
    ['modal-obligation', ['must', 'should'], ['can']],
    ['determiner', ['the', 'a', 'an', 'these'], ['its']],
    ['possessive', ['its', 'their'], ['it']],
    ['pronoun', ['it', 'they'], ['its']],
    ['relative', ['which', 'who', 'that'], ['when']],
    ['subordinator-condition', ['if', 'unless', 'whether'], ['when']],
  ] as const)('the shipped %s class holds its words and not others', (cls, has, hasNot) => {
    for (const w of has) expect(closedClass(cls).has(w), w).toBe(true);
    for (const w of hasNot) expect(closedClass(cls).has(w), w).toBe(false);
  });

  it('keeps the present forms of be and have inside their verbs', () => {
    for (const w of closedClass('be-present')) expect(closedClass('be').has(w), w).toBe(true);
    for (const w of closedClass('have-present')) expect(closedClass('have').has(w), w).toBe(true);
    expect(closedClass('be-present').has('was')).toBe(false);
    expect(closedClass('have-present').has('had')).toBe(false);
  });

  it('gives every class of the loader at least one row of the shipped table', () => {
    for (const cls of CLOSED_CLASSES) expect(closedClass(cls).size, cls).toBeGreaterThan(0);
  });

  it('knows every class the extractor asks for', () => {
    const asked = new Set<string>();
    for (const file of filesUnder('src').filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/closedClass\('([^']+)'\)/g)) asked.add(m[1]!);
      for (const m of code.matchAll(/closedClasses\(\s*\[([^\]]*)\]/g))
        for (const c of m[1]!.matchAll(/'([^']+)'/g)) asked.add(c[1]!);
    }
    expect(asked.size).toBeGreaterThan(3);
    for (const cls of asked) expect(CLOSED_CLASSES as readonly string[], cls).toContain(cls);
  });

  it("unites classes with a rule's own words", () => {
    const words = closedClasses(['modal-future', 'modal-obligation'], ['get']);
    expect([...words].sort()).toEqual(["'ll", 'get', 'must', 'shall', 'should', 'will', 'wo']);
  });

  it('skips comments and refuses a malformed row', () => {
    const table = parseClosedClasses('# a comment\npreposition\tof\nreporting\tsay\n');
    expect([...table.get('preposition')!]).toEqual(['of']);
    expect([...table.get('reporting')!]).toEqual(['say']);
    expect(() => parseClosedClasses('adverb\tsoon\n')).toThrow(/malformed row 'adverb\tsoon'/);
    expect(() => parseClosedClasses('preposition\tof\tx\n')).toThrow(/malformed row/);
    expect(() => parseClosedClasses('preposition\n')).toThrow(/malformed row/);
    expect(() => parseClosedClasses('negator\tNot\n')).toThrow(/malformed row/);
  });
});
