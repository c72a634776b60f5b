// The token layer for the CLI: a document's words tagged and parsed, or a treebank's gold words
// re-tagged and re-parsed, both as CoNLL-U.
import { TiesError } from '../errors.ts';
import { type ConlluSentence, readConllu, writeConllu } from '../extract/syntax/conllu.ts';
import { annotate } from '../extract/syntax/index.ts';
import { layerToConllu } from '../extract/syntax/layer-conllu.ts';
import { reparse } from '../extract/syntax/reparse.ts';

/** CoNLL-U of the token layer of `text`. */
export function parseToConllu(text: string): string {
  return writeConllu(layerToConllu(text, annotate(text)));
}

/** CoNLL-U of a treebank's sentences with lemma, UPOS, head and relation predicted. */
export function reparseConllu(conllu: string, name: string): string {
  let sentences: ConlluSentence[];
  try {
    sentences = readConllu(conllu);
  } catch (e) {
    throw new TiesError('BAD_INPUT', `${name}: ${(e as Error).message}`);
  }
  if (!sentences.some((s) => s.words.length)) {
    throw new TiesError('BAD_INPUT', `${name} has no CoNLL-U words`);
  }
  return writeConllu(reparse(sentences));
}
