// The closed-class vocabularies every stage shares (data/lexicon/closed-class.tsv):
// prepositions and verbs of saying, loaded once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The classes of closed-class.tsv. */
export type ClosedClass = 'preposition' | 'reporting';

const FILE = fileURLToPath(new URL('../../../data/lexicon/closed-class.tsv', import.meta.url));
const CLASSES: readonly ClosedClass[] = ['preposition', 'reporting'];

/** Parses the table: each class's words. */
export function parseClosedClasses(tsv: string): Map<ClosedClass, Set<string>> {
  const out = new Map<ClosedClass, Set<string>>(CLASSES.map((c) => [c, new Set<string>()]));
  for (const raw of tsv.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [cls, word, extra] = line.split('\t');
    const set = out.get(cls as ClosedClass);
    if (!set || !word || extra !== undefined)
      throw new Error(`closed-class.tsv: malformed row '${line}'`);
    set.add(word);
  }
  return out;
}

let cached: Map<ClosedClass, Set<string>> | null = null;

/** The words of one class, lower case (verbs by lemma). */
export function closedClass(cls: ClosedClass): ReadonlySet<string> {
  cached ??= parseClosedClasses(readFileSync(FILE, 'utf8'));
  return cached.get(cls)!;
}
