// The trigger lexicon loaded once into a lookup by word form: the hand rows (data/lexicon/
// triggers.tsv) first, then the rows generated from PETRARCH2's verb patterns
// (triggers.petrarch.tsv, `npm run lexicon`) for the words that have no single-word hand row: a
// word's own hand rows say all of its senses, a hand phrase ("express regret") only itself.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPloverType } from '../../codes/plover.ts';
import type { PloverType } from '../types.ts';
import { nounForms, verbForms } from './inflect.ts';

/** How a lexicon entry behaves: a verb, a noun that needs realising, a self-standing event noun, or a side-taking noun. */
export type TriggerKind = 'V' | 'N' | 'E' | 'S';

/** One row of the lexicon. */
export interface TriggerEntry {
  kind: TriggerKind;
  /** The words as written in the lexicon ("call for"). */
  words: string;
  /** The words after the first, which must follow it in order. */
  rest: string[];
  type: PloverType;
  mode: string | null;
  cameo: string;
  /** One of these must follow within the cue window (null: no condition). */
  obj: WordCue | null;
  /** None of these may follow within the cue window. */
  notObj: WordCue | null;
  /** None of these may come right after the trigger ("seek" + "to" is an aim, not a request). */
  notNext: WordCue | null;
  /** None of these may come in the few words before it, its subject ("troops arrived"). */
  notSubj: WordCue | null;
  /** 1-based line in the lexicon file, for traces. */
  line: number;
  /** The lexicon file's name, for traces. */
  file: string;
  /** How many words after the trigger the object cue may come (null: the finder's default). */
  window: number | null;
}

const FILES = ['triggers.tsv', 'triggers.petrarch.tsv'].map((f) =>
  fileURLToPath(new URL(`../../../data/lexicon/${f}`, import.meta.url)),
);

/**
 * The words of a cue ("treaty|accord|export*"): whole words, and prefixes (a trailing "*") that
 * any run of word characters, apostrophes and hyphens may complete ("exports", "export-led").
 * A set and a short list, not a regex per row: the finder tests a cue against every word of its
 * window.
 */
export class WordCue {
  private readonly words = new Set<string>();
  private readonly prefixes: string[] = [];
  constructor(spec: string) {
    for (const w of spec.split('|')) {
      if (w.endsWith('*')) this.prefixes.push(w.slice(0, -1));
      else this.words.add(w);
    }
  }

  /** True when `word` is one of the cue's words, or one of its prefixes completed. */
  test(word: string): boolean {
    if (this.words.has(word)) return true;
    for (const p of this.prefixes) {
      if (word.startsWith(p) && COMPLETION.test(word.slice(p.length))) return true;
    }
    return false;
  }
}
const COMPLETION = /^[\w'-]*$/;

/** The word list of one cue of a row's cue column ("obj=a|b;notnext=to"), or null. */
function cueList(column: string, name: string): WordCue | null {
  const cue = column.split(';').find((c) => c.startsWith(`${name}=`));
  return cue ? new WordCue(cue.slice(name.length + 1)) : null;
}

// A generated row's object is the pattern's direct object: it follows the verb closely
// ("presented his credentials", "inaugurated the gas pipeline"). PETRARCH finds it in a parse; a
// wider window would take a noun of another clause for it.
const GENERATED_WINDOW = 4;

/**
 * Parses the lexicon's text into a map from a first word's form to the entries it starts; rows
 * are added after those already in `into` (with `onlyNew`, only for forms `into` lacks). A seventh
 * column lists irregular forms of the first word.
 */
export function parseLexicon(
  tsv: string,
  into = new Map<string, TriggerEntry[]>(),
  onlyNew = false,
  file = 'triggers.tsv',
): Map<string, TriggerEntry[]> {
  const byForm = into;
  // A form known from a single-word row of `into`; a phrase ("express regret") says one
  // collocation of its first word, not all of its senses.
  const known = new Set(
    onlyNew ? [...into].filter(([, es]) => es.some((e) => !e.rest.length)).map(([f]) => f) : [],
  );
  tsv.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const [kind, words, type, mode, cameo, cue = '', irregular = ''] = line.split('\t');
    if (
      !kind ||
      !words ||
      !type ||
      cameo === undefined ||
      !['V', 'N', 'E', 'S'].includes(kind) ||
      !isPloverType(type)
    ) {
      throw new Error(`${file} line ${i + 1}: malformed row '${line}'`);
    }
    const [first, ...rest] = words.toLowerCase().split(' ');
    const entry: TriggerEntry = {
      kind: kind as TriggerKind,
      words,
      rest,
      type: type.toUpperCase() as PloverType,
      mode: mode || null,
      cameo,
      obj: cueList(cue, 'obj'),
      notObj: cueList(cue, 'notobj'),
      notNext: cueList(cue, 'notnext'),
      notSubj: cueList(cue, 'notsubj'),
      line: i + 1,
      file,
      window: onlyNew ? GENERATED_WINDOW : null,
    };
    const forms = new Set(kind === 'V' ? verbForms(first!) : nounForms(first!));
    for (const f of irregular.split(',')) if (f) forms.add(f.toLowerCase());
    for (const f of forms) {
      if (known.has(f)) continue;
      const list = byForm.get(f) ?? [];
      list.push(entry);
      byForm.set(f, list);
    }
  });
  return byForm;
}

let cached: Map<string, TriggerEntry[]> | null = null;

/** The product's trigger lexicon, parsed on first use. */
export function triggerLexicon(): Map<string, TriggerEntry[]> {
  if (!cached) {
    cached = new Map();
    for (const f of FILES)
      parseLexicon(readFileSync(f, 'utf8'), cached, f !== FILES[0], basename(f));
  }
  return cached;
}
