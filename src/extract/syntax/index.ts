// The token layer: raw text to words with offsets, sentence, key, lemma, UPOS, head and
// relation. The models are trained from UD English EWT by `npm run train` (scripts/train.ts)
// and load from data/models/ on first use.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Labeller, labelLazily } from './labeller.ts';
import { lemmatize, type LemmaTable } from './lemmatizer.ts';
import { decodeModel } from './model.ts';
import { Parser } from './parser.ts';
import { fixPunct } from './punct.ts';
import { Tagger } from './tagger.ts';
import { tokenizeText, type Token } from './tokenizer.ts';
import { atomsOf, UPOS, type Upos } from './words.ts';

export { UPOS, type Upos } from './words.ts';
export type { Token } from './tokenizer.ts';

/** A word of the token layer, tagged and parsed. `head` indexes the same token array; -1 marks
 * the root. */
export interface SyntaxToken extends Token {
  lemma: string;
  upos: Upos;
  head: number;
  /** The Universal Dependencies relation to the head, with its subtype ("nsubj:pass"). */
  deprel: string;
}

/** What the models say about one sentence's words: tags, heads (-1 root) and relations. */
export interface SentenceAnalysis {
  lemma: string[];
  upos: Upos[];
  head: Int32Array;
  deprel: string[];
}

/** The tagger, parser, labeller and lemma table, loaded together. */
export interface SyntaxModels {
  tagger: Tagger;
  parser: Parser;
  labeller: Labeller;
  labels: readonly string[];
  lemmas: LemmaTable;
  /** The tag dictionary: a form's UPOS class number, for forms the treebank tags one way. */
  dictionary: ReadonlyMap<string, number>;
}

/** The rows of a TSV file without its # comment lines. */
function tsvRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

const MODELS = new URL('../../../data/models/', import.meta.url);

/** Reads the models from a folder (data/models/ by default; a path may be relative). */
export function loadModels(dir: URL | string = MODELS): SyntaxModels {
  const base = typeof dir === 'string' ? pathToFileURL(`${resolve(dir)}/`) : dir;
  const read = (name: string) => decodeModel(readFileSync(new URL(name, base)));
  const tagger = read('upos.bin');
  const second = read('upos2.bin');
  const parser = read('parser.bin');
  const labeller = read('deprel.bin');
  const lemmas = new Map<string, string>();
  for (const [upos, key, lemma] of tsvRows(readFileSync(new URL('lemmas.tsv', base), 'utf8'))) {
    if (upos && key && lemma) lemmas.set(`${upos}\t${key}`, lemma);
  }
  const dictionary = new Map<string, number>();
  for (const [form, upos] of tsvRows(readFileSync(new URL('tags.tsv', base), 'utf8'))) {
    const i = UPOS.indexOf(upos as Upos);
    if (form && i >= 0) dictionary.set(form, i);
  }
  return {
    dictionary,
    tagger: new Tagger(tagger.model, second.model),
    parser: new Parser(parser.model),
    labeller: new Labeller(labeller.model),
    labels: labeller.meta.labels as string[],
    lemmas,
  };
}

let cached: SyntaxModels | undefined;

/** The models of data/models/, loaded once. */
export function models(): SyntaxModels {
  cached ??= loadModels();
  return cached;
}

/** Tags, lemmatizes and parses one sentence given as its words. */
export function analyzeWords(
  forms: readonly string[],
  m: SyntaxModels = models(),
): SentenceAnalysis {
  return analyzeSentences([forms], m)[0]!;
}

// Sentences analysed stage by stage: all tagged, then all parsed, then all labelled, so each
// model's weights stay in cache from one sentence to the next.
const BATCH = 64;
const PUNCT = UPOS.indexOf('PUNCT');

/** `analyzeWords` for many sentences (faster than one at a time). */
export function analyzeSentences(
  sentences: readonly (readonly string[])[],
  m: SyntaxModels = models(),
): SentenceAnalysis[] {
  const out: SentenceAnalysis[] = [];
  for (let from = 0; from < sentences.length; from += BATCH) {
    const batch = sentences.slice(from, from + BATCH);
    const atoms = batch.map((forms) => atomsOf(forms));
    const tags = batch.map((forms, i) => {
      const fixed = Int8Array.from(forms, (f) => m.dictionary.get(f) ?? -1);
      return m.tagger.tag(atoms[i]!, fixed, forms);
    });
    const heads = atoms.map((a, i) => {
      const h = m.parser.parse(a, tags[i]!);
      const t = tags[i]!;
      fixPunct(batch[i]!, (k) => t[k] === PUNCT, h);
      return h;
    });
    const labels = atoms.map((a, i) => m.labeller.label(a, tags[i]!, heads[i]!));
    batch.forEach((forms, i) => {
      const n = forms.length;
      const upos = Array.from(tags[i]!, (t) => UPOS[t]!);
      const h = heads[i]!;
      out.push({
        upos,
        lemma: forms.map((f, k) => lemmatize(f, upos[k]!, m.lemmas)),
        head: Int32Array.from(h, (x) => (x === n ? -1 : x)),
        deprel: Array.from(labels[i]!, (l, k) => (h[k] === n ? 'root' : (m.labels[l] ?? 'dep'))),
      });
    });
  }
  return out;
}

/** What the models say about one sentence, each word's lemma and relation worked out when
 * first read. */
export interface LazyAnalysis {
  upos: Upos[];
  head: Int32Array;
  /** Word k's lemma, as `SentenceAnalysis.lemma[k]`. */
  lemma(k: number): string;
  /** Word k's relation, as `SentenceAnalysis.deprel[k]`. */
  deprel(k: number): string;
}

/**
 * `analyzeWords` with the lemmas and relations worked out on demand, a relation with its heads'
 * (the labeller reads a head's relation): the same values, for the work of those read. The
 * event refiners read about a third of a sentence's relations, so most of the labeller's work
 * is saved.
 */
export function analyzeWordsLazily(
  forms: readonly string[],
  m: SyntaxModels = models(),
): LazyAnalysis {
  const atoms = atomsOf(forms);
  const fixed = Int8Array.from(forms, (f) => m.dictionary.get(f) ?? -1);
  const tags = m.tagger.tag(atoms, fixed, forms);
  const h = m.parser.parse(atoms, tags);
  fixPunct(forms, (k) => tags[k] === PUNCT, h);
  const n = forms.length;
  const label = labelLazily(m.labeller, atoms, tags, h);
  const upos = Array.from(tags, (t) => UPOS[t]!);
  const lemmas: (string | undefined)[] = [];
  return {
    upos,
    lemma: (k) => (lemmas[k] ??= lemmatize(forms[k]!, upos[k]!, m.lemmas)),
    head: Int32Array.from(h, (x) => (x === n ? -1 : x)),
    deprel: (k) => (h[k] === n ? 'root' : (m.labels[label(k)] ?? 'dep')),
  };
}

/** The token layer of `text`: every word with its offsets, sentence, key, lemma, tag and arc. */
export function annotate(text: string, m: SyntaxModels = models()): SyntaxToken[] {
  const raw = tokenizeText(text);
  // Each sentence's first word in `raw`, then the end.
  const starts: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (i === 0 || raw[i]!.sentence !== raw[i - 1]!.sentence) starts.push(i);
  }
  starts.push(raw.length);
  const sentences: string[][] = [];
  for (let s = 0; s + 1 < starts.length; s++) {
    sentences.push(raw.slice(starts[s], starts[s + 1]).map((w) => w.text));
  }
  const analyses = analyzeSentences(sentences, m);
  const out: SyntaxToken[] = [];
  analyses.forEach((a, s) => {
    const first = starts[s]!;
    for (let k = 0; k < a.upos.length; k++) out.push(tokenOf(raw[first + k]!, a, k, first));
  });
  return out;
}

/** Word `k` of an analysed sentence as a token of the layer; `first` is its sentence's offset. */
export function tokenOf(w: Token, a: SentenceAnalysis, k: number, first = 0): SyntaxToken {
  const h = a.head[k]!;
  return {
    start: w.start,
    end: w.end,
    text: w.text,
    sentence: w.sentence,
    key: w.key,
    lemma: a.lemma[k]!,
    upos: a.upos[k]!,
    head: h < 0 ? -1 : first + h,
    deprel: a.deprel[k]!,
  };
}
