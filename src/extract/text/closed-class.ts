// The closed-class vocabularies every stage shares (data/lexicon/closed-class.tsv): prepositions,
// verbs of saying, auxiliaries, negators, clause words, determiners and pronouns, loaded once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The classes of closed-class.tsv, in the order of its header. */
export const CLOSED_CLASSES = [
  'preposition',
  'reporting',
  'negator',
  'modal-future',
  'modal-possibility',
  'modal-ability',
  'modal-obligation',
  'be',
  'have',
  'be-present',
  'have-present',
  'be-past',
  'have-past',
  'do',
  'coordinator',
  'relative',
  'subordinator-contrast',
  'subordinator-cause',
  'subordinator-time',
  'subordinator-condition',
  'determiner',
  'possessive',
  'pronoun',
] as const;

/** A class of closed-class.tsv. */
export type ClosedClass = (typeof CLOSED_CLASSES)[number];

const FILE = fileURLToPath(new URL('../../../data/lexicon/closed-class.tsv', import.meta.url));

/** Parses the table: each class's words. */
export function parseClosedClasses(tsv: string): Map<ClosedClass, Set<string>> {
  const out = new Map<ClosedClass, Set<string>>(CLOSED_CLASSES.map((c) => [c, new Set<string>()]));
  for (const raw of tsv.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [cls, word, extra] = line.split('\t');
    const set = out.get(cls as ClosedClass);
    if (!set || !word || extra !== undefined || word !== word.toLowerCase())
      throw new Error(`closed-class.tsv: malformed row '${line}'`);
    set.add(word);
  }
  return out;
}

let cached: Map<ClosedClass, Set<string>> | null = null;

/** The words of one class, lower case (verbs of saying by lemma, other words as written). */
export function closedClass(cls: ClosedClass): ReadonlySet<string> {
  cached ??= parseClosedClasses(readFileSync(FILE, 'utf8'));
  return cached.get(cls)!;
}

/** The words of several classes together, with `extra` words a rule adds of its own. */
export function closedClasses(
  classes: readonly ClosedClass[],
  extra: readonly string[] = [],
): ReadonlySet<string> {
  return new Set([...classes.flatMap((c) => [...closedClass(c)]), ...extra]);
}

/** The modal auxiliaries, of every meaning. */
export const MODALS: readonly ClosedClass[] = [
  'modal-future',
  'modal-possibility',
  'modal-ability',
  'modal-obligation',
];
