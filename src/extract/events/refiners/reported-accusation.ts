// "X said Y was failing to rein in the militants", "contended that Y is hostile": a statement
// whose content blames a party is an accusation (the guidelines code it ACCUSE), though no word
// of it is a trigger. On the tree, a verb of saying whose complement clause (`ccomp`) names a
// party and holds a word of blame (data/lexicon/blame.tsv) becomes an ACCUSE trigger. A content
// clause with a trigger of its own ("said Y attacked …") is left to that trigger.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { models } from '../../syntax/index.ts';
import { lemmatize } from '../../syntax/lemmatizer.ts';
import { closedClass } from '../../text/closed-class.ts';
import type { TriggerHit } from '../find-triggers.ts';
import type { TriggerEntry } from '../lexicon.ts';
import { sentenceTree } from '../tree/of-sentence.ts';
import { childrenBy, type SentenceTree, subtree } from '../tree/sentence-tree.ts';
import type { SentenceRefiner, SentenceState } from './state.ts';

const FILE = fileURLToPath(new URL('../../../../data/lexicon/blame.tsv', import.meta.url));

/** A word of blame.tsv: the word (a prefix's stem for a trailing *) and its line. */
interface BlameWord {
  word: string;
  line: number;
}

/** blame.tsv read for look-ups: whole words by form, prefixes in file order. */
export interface BlameLexicon {
  words: Map<string, BlameWord>;
  prefixes: BlameWord[];
}

/** Parses blame.tsv: one word a line, a trailing * a prefix. */
export function parseBlame(tsv: string): BlameLexicon {
  const out: BlameLexicon = { words: new Map(), prefixes: [] };
  tsv.split('\n').forEach((raw, i) => {
    const w = raw.trim();
    if (!w || w.startsWith('#')) return;
    if (!/^[a-z][a-z'-]*\*?$/.test(w)) throw new Error(`blame.tsv line ${i + 1}: malformed '${w}'`);
    const entry = { word: w.replace(/\*$/, ''), line: i + 1 };
    if (w.endsWith('*')) out.prefixes.push(entry);
    else if (!out.words.has(entry.word)) out.words.set(entry.word, entry);
  });
  return out;
}

let cached: BlameLexicon | null = null;
function blameWords(): BlameLexicon {
  cached ??= parseBlame(readFileSync(FILE, 'utf8'));
  return cached;
}

// What may complete a prefix ("intimidat*": "intimidating", "intimidation's").
const COMPLETION = /^[\w'-]*$/;

// Each word's answers, worked out once (a text's words repeat, and every prefix is tried):
// bounded, cleared when full.
const ANSWERS_LIMIT = 100_000;
const blameByKey = new Map<string, BlameWord | null>();
const sayingByForm = new Map<string, boolean>();

/** The first line of blame.tsv that `key` matches, as a word or a completed prefix. */
function blameOf(key: string): BlameWord | undefined {
  let found = blameByKey.get(key);
  if (found === undefined) {
    found = lookUpBlame(key) ?? null;
    if (blameByKey.size >= ANSWERS_LIMIT) blameByKey.clear();
    blameByKey.set(key, found);
  }
  return found ?? undefined;
}

/** Whether the word's lemma, read as a verb, is a verb of saying. */
function sayingVerb(form: string): boolean {
  let found = sayingByForm.get(form);
  if (found === undefined) {
    found = closedClass('reporting').has(lemmatize(form, 'VERB', models().lemmas));
    if (sayingByForm.size >= ANSWERS_LIMIT) sayingByForm.clear();
    sayingByForm.set(form, found);
  }
  return found;
}

function lookUpBlame(key: string): BlameWord | undefined {
  const { words, prefixes } = blameWords();
  const whole = words.get(key);
  for (const p of prefixes) {
    if (whole && p.line > whole.line) break;
    if (key.startsWith(p.word) && COMPLETION.test(key.slice(p.word.length))) return p;
  }
  return whole;
}

/** The lexicon entry an accusing statement is coded by (CAMEO 111, criticise or denounce). */
function accuseEntry(words: string, line: number): TriggerEntry {
  return {
    kind: 'V',
    words,
    rest: [],
    type: 'ACCUSE',
    mode: 'disapprove',
    cameo: '111',
    obj: null,
    notObj: null,
    notNext: null,
    notSubj: null,
    line,
    file: 'blame.tsv',
    window: null,
  };
}

// Clauses inside the content that say something else than what the speaker blames: a reason
// ("because he was assigned to spread propaganda"), a relative clause.
const ASIDE = /^(advcl|acl:relcl|parataxis)$/;

/** True when word `k` heads a content clause: a complement, or a clause opened by "that". */
function opensContent(tree: SentenceTree, k: number): boolean {
  if (tree.words[k]!.deprel === 'ccomp') return true;
  return (tree.kids[k] ?? []).some(
    (c) => tree.words[c]!.deprel === 'mark' && tree.words[c]!.key === 'that',
  );
}

// How far above its content clause the verb of saying may stand: the parser may hang a "that"
// clause on the verb's oblique ("contended in a post … that X is …").
const VERB_REACH = 3;

/** The verb of saying whose content clause holds word `b`, with that clause's head. */
function reportingAbove(tree: SentenceTree, b: number): { verb: number; content: number } | null {
  let content = -1;
  for (let k = b, steps = 0; k >= 0 && steps < tree.words.length; steps++) {
    const w = tree.words[k]!;
    if (content < 0 && opensContent(tree, k)) content = k;
    const h = w.head;
    if (h < 0 || ASIDE.test(w.deprel)) return null;
    const g = tree.words[h]!;
    if (content >= 0 && g.upos === 'VERB' && closedClass('reporting').has(g.lemma))
      return { verb: h, content };
    if (content >= 0 && steps > VERB_REACH) return null;
    k = h;
  }
  return null;
}

// Words that name whose a noun is: "Albania's", "corruption in Albania", "Chinese vessels".
const OWNER = /^(nmod|nmod:poss|amod|compound|flat)$/;
// The owners a subject's head passes its blame to: "Chinese vessels were …", not "the floods in
// Peru were a brutal reminder", where Peru is only where the floods were.
const SUBJECT_OWNER = /^(nmod:poss|amod|compound|flat)$/;

/**
 * The words that may name the party blamed: the content's subject ("Kabul was failing",
 * "Chinese vessels were …") and the owners of the blame word ("China's aggression",
 * "corruption in Albania").
 */
function blamedWords(tree: SentenceTree, content: number, b: number): Set<number> {
  const out = new Set<number>([b]);
  const owners = (i: number, rel: RegExp) => {
    for (const k of tree.kids[i] ?? []) if (rel.test(tree.words[k]!.deprel)) out.add(k);
  };
  for (const k of childrenBy(tree, content, 'nsubj')) {
    out.add(k);
    owners(k, SUBJECT_OWNER);
  }
  owners(b, OWNER);
  return out;
}

/**
 * A cheap look at the tokens: two parties named, a word of blame after the first word, and a
 * word that is a verb of saying if the tagger reads it as a verb (the tree's lemma of a verb is
 * the lemmatizer's, so a sentence with none has no verb a content clause could report).
 */
function worthParsing(s: SentenceState): boolean {
  if (new Set(s.actors.map((a) => a.code)).size < 2) return false;
  if (!s.tokens.some((t, j) => j > 0 && blameOf(t.key) !== undefined)) return false;
  return s.tokens.some((t) => sayingVerb(t.text));
}

/** Adds an ACCUSE trigger on each verb of saying whose content blames a named party. */
export const reportedAccusation: SentenceRefiner = {
  name: 'reported-accusation',
  scope: 'sentence',
  run(s) {
    if (!worthParsing(s)) return undefined;
    const tree = sentenceTree(s);
    const { tokens } = s;
    const added: TriggerHit[] = [];
    const done = new Set<number>();
    tree.words.forEach((w, b) => {
      const blame = blameOf(w.key);
      if (!blame) return;
      const at = reportingAbove(tree, b);
      if (!at || done.has(at.verb)) return;
      if (s.hits.some((h) => h.first <= at.verb && h.last >= at.verb)) return;
      const content = subtree(tree, at.content);
      if (s.hits.some((h) => content.has(h.first))) return;
      // "told Taiwan's president that …": the one told is no party blamed, and would be taken for
      // the target.
      const opens = tokens[Math.min(...content)]!.start;
      const verbEnd = tokens[at.verb]!.end;
      if (s.actors.some((a) => a.start >= verbEnd && a.end <= opens)) return;
      const blamed = blamedWords(tree, at.content, b);
      const named = s.actors.some((a) =>
        [...blamed].some((k) => tree.words[k]!.start >= a.start && tree.words[k]!.end <= a.end),
      );
      if (!named) return;
      done.add(at.verb);
      added.push({
        entry: accuseEntry(w.key, blame.line),
        first: at.verb,
        last: at.verb,
        objAt: null,
        lightAt: null,
        passive: false,
        nominal: false,
      });
      s.doc.trace?.(
        `add ACCUSE '${tokens[at.verb]!.key}': its content blames a party ('${w.key}')`,
      );
    });
    if (added.length) s.hits = [...s.hits, ...added].sort((a, b) => a.first - b.first);
    return undefined;
  },
};
