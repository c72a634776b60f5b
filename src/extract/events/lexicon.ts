// The trigger lexicon (data/lexicon/triggers.tsv) loaded once into a lookup by word form.
import { readFileSync } from 'node:fs';
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
  obj: RegExp | null;
  /** None of these may follow within the cue window. */
  notObj: RegExp | null;
  /** 1-based line in the lexicon file, for traces. */
  line: number;
}

const FILE = fileURLToPath(new URL('../../../data/lexicon/triggers.tsv', import.meta.url));

function wordList(spec: string): RegExp {
  const alternatives = spec.split('|').map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}[\\w'-]*` : escape(w)));
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses the lexicon's text into a map from a first word's form to the entries it starts. */
export function parseLexicon(tsv: string): Map<string, TriggerEntry[]> {
  const byForm = new Map<string, TriggerEntry[]>();
  tsv.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const [kind, words, type, mode, cameo, cue = ''] = line.split('\t');
    if (!kind || !words || !type || cameo === undefined || !['V', 'N', 'E', 'S'].includes(kind) || !isPloverType(type)) {
      throw new Error(`triggers.tsv line ${i + 1}: malformed row '${line}'`);
    }
    const [first, ...rest] = words.toLowerCase().split(' ');
    const entry: TriggerEntry = {
      kind: kind as TriggerKind,
      words,
      rest,
      type: type.toUpperCase() as PloverType,
      mode: mode || null,
      cameo,
      obj: /^obj=/.test(cue) ? wordList(cue.slice(4)) : null,
      notObj: /^notobj=/.test(cue) ? wordList(cue.slice(7)) : null,
      line: i + 1,
    };
    const forms = kind === 'V' ? verbForms(first!) : nounForms(first!);
    for (const f of forms) {
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
  cached ??= parseLexicon(readFileSync(FILE, 'utf8'));
  return cached;
}
