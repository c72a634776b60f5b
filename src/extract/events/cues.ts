// The cue lexicon (data/lexicon/cues.tsv): negation, future, hope, pending, reported speech and
// light verbs, loaded once. A trigger's modality is read from the cues to its left in its clause.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Token } from '../syntax/tokenizer.ts';
import { closedClasses } from '../text/closed-class.ts';
import { verbForms } from './inflect.ts';

/** The classes of cue words. */
export type CueClass =
  | 'negation'
  | 'future'
  | 'hope'
  | 'conditional'
  | 'obligation'
  | 'pending'
  | 'report'
  | 'light'
  | 'alternative';

/** A cue found near a trigger. */
export interface CueHit {
  cls: CueClass;
  words: string;
  /** Index of the cue's first token. */
  at: number;
}

interface CueTable {
  /** First word → phrases (as word arrays) with their class, longest first. */
  phrases: Map<string, { words: string[]; cls: CueClass }[]>;
  light: Set<string>;
}

const FILE = fileURLToPath(new URL('../../../data/lexicon/cues.tsv', import.meta.url));
const CLASSES = new Set<CueClass>([
  'negation',
  'future',
  'hope',
  'conditional',
  'obligation',
  'pending',
  'report',
  'light',
  'alternative',
]);

/** Parses the cue table. */
export function parseCues(tsv: string): CueTable {
  const phrases: CueTable['phrases'] = new Map();
  const light = new Set<string>();
  for (const raw of tsv.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [cls, words] = line.split('\t');
    if (!cls || !words || !CLASSES.has(cls as CueClass))
      throw new Error(`cues.tsv: malformed row '${line}'`);
    if (cls === 'light') {
      verbForms(words).forEach((f) => light.add(f));
      continue;
    }
    const ws = words.toLowerCase().split(' ');
    const list = phrases.get(ws[0]!) ?? [];
    list.push({ words: ws, cls: cls as CueClass });
    list.sort((a, b) => b.words.length - a.words.length);
    phrases.set(ws[0]!, list);
  }
  return { phrases, light };
}

let cached: CueTable | null = null;

/** The product's cue table, parsed on first use. */
export function cueTable(): CueTable {
  cached ??= parseCues(readFileSync(FILE, 'utf8'));
  return cached;
}

/** True when the token is a form of a light verb. */
export function isLightVerb(lower: string): boolean {
  return cueTable().light.has(lower);
}

// Tokens that end the stretch of text whose cues apply to a trigger.
const CLAUSE_BREAK = closedClasses(
  ['relative', 'subordinator-contrast'],
  [';', ':', '(', ')', '—', 'where', 'when', 'but', 'because', 'so'],
);

/** The cues within `window` tokens left of token `i` (and inside `i`'s clause), nearest first. */
export function cuesBefore(tokens: readonly Token[], i: number, window = 7): CueHit[] {
  const table = cueTable();
  const hits: CueHit[] = [];
  const stop = Math.max(0, i - window);
  for (let j = i - 1; j >= stop; j--) {
    const t = tokens[j]!;
    if (CLAUSE_BREAK.has(t.key)) break;
    const candidates = table.phrases.get(t.key) ?? [];
    for (const c of candidates) {
      if (c.words.every((w, k) => k === 0 || tokens[j + k]?.key === w) && j + c.words.length <= i) {
        hits.push({ cls: c.cls, words: c.words.join(' '), at: j });
        break;
      }
    }
  }
  return hits;
}

/** The cues anywhere in `tokens[from, to)`, for clause-wide signals ("unless", "yet", "said"). */
export function cuesIn(tokens: readonly Token[], from: number, to: number): CueHit[] {
  const table = cueTable();
  const hits: CueHit[] = [];
  for (let j = from; j < to; j++) {
    const t = tokens[j]!;
    for (const c of table.phrases.get(t.key) ?? []) {
      if (c.words.every((w, k) => k === 0 || tokens[j + k]?.key === w)) {
        hits.push({ cls: c.cls, words: c.words.join(' '), at: j });
        break;
      }
    }
  }
  return hits;
}
