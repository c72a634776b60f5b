// One sentence's dependency tree, read from the token layer (decision 0013): words with their
// offsets, lemma, UPOS, head and relation, indexed from 0 within the sentence, and each word's
// children. The event stage asks it where a trigger stands and which words are its arguments.
import type { Span } from '../../types.ts';
import {
  analyzeWordsLazily,
  type LazyAnalysis,
  type SyntaxModels,
  models,
} from '../../syntax/index.ts';
import { tokenizeSpan, type Token } from '../../syntax/tokenizer.ts';
import type { Upos } from '../../syntax/words.ts';

/** A word of one sentence; `head` indexes the sentence's words, -1 for the root. */
export interface TreeWord extends Span {
  text: string;
  key: string;
  lemma: string;
  upos: Upos;
  head: number;
  deprel: string;
}

/** A parsed sentence: its words and, for each word, its children in order. */
export interface SentenceTree {
  words: readonly TreeWord[];
  kids: readonly (readonly number[])[];
}

/** Builds the tree of words whose heads are already known (a parse, or a test's own arcs). */
export function treeOf(words: readonly TreeWord[]): SentenceTree {
  const kids: number[][] = words.map(() => []);
  words.forEach((w, i) => {
    if (w.head >= 0) kids[w.head]!.push(i);
  });
  return { words, kids };
}

/** Tokenizes, tags and parses `text.slice(start, end)` as one sentence. */
export function parseSentence(
  text: string,
  start: number,
  end: number,
  m: SyntaxModels = models(),
): SentenceTree {
  return parseWords(tokenizeSpan(text, start, end, 0), m);
}

/** A parsed word of the token layer, whose lemma and relation are worked out when first read. */
class ParsedWord implements TreeWord {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly key: string;
  readonly upos: Upos;
  readonly head: number;
  constructor(
    w: Token,
    private readonly a: LazyAnalysis,
    private readonly k: number,
  ) {
    this.start = w.start;
    this.end = w.end;
    this.text = w.text;
    this.key = w.key;
    this.upos = a.upos[k]!;
    this.head = a.head[k]!;
  }
  get lemma(): string {
    return this.a.lemma(this.k);
  }
  get deprel(): string {
    return this.a.deprel(this.k);
  }
}

/**
 * Tags and parses one sentence's words of the token layer: tree word k is token k. Lemmas and
 * relations are worked out as the refiners read them (`analyzeWordsLazily`), the same as whole.
 */
export function parseWords(tokens: readonly Token[], m: SyntaxModels = models()): SentenceTree {
  if (!tokens.length) return { words: [], kids: [] };
  const a = analyzeWordsLazily(
    tokens.map((w) => w.text),
    m,
  );
  return treeOf(tokens.map((w, k) => new ParsedWord(w, a, k)));
}

/** The words under `i`, `i` included (its phrase or clause, as the parser bounded it). */
export function subtree(tree: SentenceTree, i: number): Set<number> {
  const out = new Set<number>();
  const walk = (k: number) => {
    out.add(k);
    for (const c of tree.kids[k] ?? []) walk(c);
  };
  walk(i);
  return out;
}

/** The children of word `i` whose relation is `rel` (or starts with `rel:`). */
export function childrenBy(tree: SentenceTree, i: number, rel: string): number[] {
  return (tree.kids[i] ?? []).filter((k) => {
    const d = tree.words[k]!.deprel;
    return d === rel || d.startsWith(`${rel}:`);
  });
}

/** The relation of word `i` without its subtype ("nsubj:pass" → "nsubj"). */
export function baseRel(tree: SentenceTree, i: number): string {
  const d = tree.words[i]!.deprel;
  const c = d.indexOf(':');
  return c < 0 ? d : d.slice(0, c);
}

/** The marker words of `i` (its `case` and `mark` children), lower-cased. */
export function markers(tree: SentenceTree, i: number): string[] {
  return (tree.kids[i] ?? [])
    .filter((k) => /^(case|mark)$/.test(baseRel(tree, k)))
    .map((k) => tree.words[k]!.key);
}

/**
 * The word that heads the words overlapping `[start, end)`: the one whose head lies outside the
 * span ("call for" → "call", "foreign ministers" → "ministers"); -1 when no word overlaps.
 */
export function headOfSpan(tree: SentenceTree, start: number, end: number): number {
  const inside: number[] = [];
  tree.words.forEach((w, i) => {
    if (w.start < end && w.end > start) inside.push(i);
  });
  if (!inside.length) return -1;
  const set = new Set(inside);
  for (const i of inside) if (!set.has(tree.words[i]!.head)) return i;
  return inside[0]!;
}
