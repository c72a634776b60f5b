// Re-tagging and re-parsing the gold words of a treebank: what `ties parse --conllu` prints and
// `npm run eval` scores. Only the lemma, UPOS, head and relation columns change; XPOS, features
// and enhanced dependencies, which ties does not predict, become "_".
import type { ConlluSentence } from './conllu.ts';
import { analyzeSentences, models, type SyntaxModels } from './index.ts';

/** `sentences` with their words' lemma, UPOS, head and relation predicted. */
export function reparse(
  sentences: readonly ConlluSentence[],
  m: SyntaxModels = models(),
): ConlluSentence[] {
  const analyses = analyzeSentences(
    sentences.map((s) => s.words.map((w) => w.form)),
    m,
  );
  return sentences.map((s, si) => {
    if (!s.words.length) return s;
    const a = analyses[si]!;
    return {
      comments: s.comments,
      ranges: s.ranges,
      words: s.words.map((w, i) => ({
        ...w,
        lemma: a.lemma[i]!,
        upos: a.upos[i]!,
        xpos: '_',
        feats: '_',
        head: a.head[i]! + 1,
        deprel: a.deprel[i]!,
        deps: '_',
      })),
    };
  });
}
