// Training the tagger, parser and labeller from a treebank, deterministically: shuffles are
// seeded, nothing reads the clock or Math.random, and models are written in feature-hash
// order, so the same treebank and settings give the same bytes.
import type { ConlluSentence } from './conllu.ts';
import { trainLabeller } from './labeller.ts';
import { lemmaExceptions } from './lemmatizer.ts';
import { encodeModel } from './model.ts';
import { trainParser } from './parser.ts';
import { type TaggedSentence, Tagger, tagDictionary, trainTagger } from './tagger.ts';
import { goldSentences, shuffled, type GoldSentence } from './treebank.ts';
import { UPOS } from './words.ts';

/** Epochs and folds of training. */
export interface TrainOptions {
  taggerEpochs: number;
  parserEpochs: number;
  labellerEpochs: number;
  /**
   * The parser and labeller train on tags predicted by taggers that did not see the sentence
   * (jackknifing in this many folds), so they learn to live with the tagger's mistakes.
   * 1 trains them on gold tags.
   */
  folds: number;
  /** Drop parser features whose weights all stay under this fraction of the largest. */
  prune: number;
  /** The same for the labeller's features (0 when not given). */
  labellerPrune?: number;
  /** Named in each model file's header. */
  source: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** The files of data/models/: their names and bytes. */
export type ModelFiles = Record<
  'upos.bin' | 'upos2.bin' | 'parser.bin' | 'deprel.bin' | 'lemmas.tsv' | 'tags.tsv',
  Uint8Array
>;

/** Trains every model on `treebank`. */
export function trainModels(treebank: readonly ConlluSentence[], o: TrainOptions): ModelFiles {
  const log = o.log ?? (() => {});
  const train = goldSentences(treebank);
  const tagData = (s: GoldSentence) => ({ atoms: s.atoms, gold: s.tags });
  const tagger = trainTagger(train.map(tagData), o.taggerEpochs, (e) =>
    shuffled(train.length, 1, e),
  );
  log(`tagger: ${tagger.keys.length} features`);

  // Tags predicted for each training sentence by a tagger that did not see it (jackknifing;
  // gold tags with one fold): `trainOn` trains a tagger on the sentences of `indices`, `tag`
  // tags sentence i with it.
  const jackknifed = (
    trainOn: (indices: number[], seed: number) => Tagger,
    tag: (t: Tagger, i: number) => Uint8Array,
    seed: number,
  ): Uint8Array[] => {
    const out: Uint8Array[] = train.map((s) => s.tags);
    const all = train.map((_, i) => i);
    for (let f = 0; o.folds > 1 && f < o.folds; f++) {
      const t = trainOn(
        all.filter((i) => i % o.folds !== f),
        seed + f,
      );
      for (let i = f; i < train.length; i += o.folds) out[i] = tag(t, i);
    }
    return out;
  };
  const trainerOf =
    (data: (i: number) => TaggedSentence) =>
    (indices: number[], seed: number): Tagger =>
      new Tagger(
        trainTagger(indices.map(data), o.taggerEpochs, (e) => shuffled(indices.length, seed, e)),
      );
  const firstData = (i: number) => tagData(train[i]!);
  const first = jackknifed(trainerOf(firstData), (t, i) => t.tag(train[i]!.atoms), 10);
  // The second pass learns from the first pass's tags as they will be: predicted.
  const secondData = (i: number) => ({ ...firstData(i), right: first[i]! });
  const second = trainTagger(
    train.map((_, i) => secondData(i)),
    o.taggerEpochs,
    (e) => shuffled(train.length, 4, e),
  );
  log(`second-pass tagger: ${second.keys.length} features`);
  const predicted = jackknifed(
    trainerOf(secondData),
    (t, i) => t.tag(train[i]!.atoms, undefined, undefined, first[i]!),
    20,
  );
  if (o.folds > 1) log(`jackknifed tags in ${o.folds} folds`);

  const parser = trainParser(
    train.map((s, i) => ({ atoms: s.atoms, tags: predicted[i]!, heads: s.heads })),
    o.parserEpochs,
    (e) => shuffled(train.length, 2, e),
    o.prune,
  );
  log(`parser: ${parser.keys.length} features`);

  const relations = new Set(train.flatMap((s) => s.deprels));
  relations.delete('root');
  const labels = ['root', ...[...relations].sort()];
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const labeller = trainLabeller(
    train.map((s, i) => ({
      atoms: s.atoms,
      tags: predicted[i]!,
      heads: s.heads,
      labels: Int32Array.from(s.deprels, (d) => labelIndex.get(d)!),
    })),
    labels.length,
    o.labellerEpochs,
    (e) => shuffled(train.length, 3, e),
    o.labellerPrune ?? 0,
  );
  log(`labeller: ${labeller.keys.length} features`);

  const lemmas = lemmaExceptions(treebank.flatMap((s) => s.words)).map(([k, l]) => `${k}\t${l}`);
  const tsv =
    `# Lemmas the suffix rules of src/extract/syntax/lemmatizer.ts miss: UPOS, word, lemma.\n` +
    `# From ${o.source}.\n${lemmas.join('\n')}\n`;
  const dictionary = tagDictionary(treebank.flatMap((s) => s.words)).map(([f, t]) => `${f}\t${t}`);
  const tags =
    `# Words the treebank tags one way (at least 20 times, 99.5% one tag): form, UPOS.\n` +
    `# From ${o.source}.\n${dictionary.join('\n')}\n`;
  return {
    'tags.tsv': new TextEncoder().encode(tags),
    'upos.bin': encodeModel(tagger, { source: o.source, upos: UPOS }),
    'upos2.bin': encodeModel(second, { source: o.source, upos: UPOS }),
    'parser.bin': encodeModel(parser, { source: o.source }),
    'deprel.bin': encodeModel(labeller, { source: o.source, labels }),
    'lemmas.tsv': new TextEncoder().encode(tsv),
  };
}
