// The token layer as CoNLL-U: one block a sentence, with its text, the words' offsets in MISC
// (TokenRange=start:end, as UDPipe writes them) and SpaceAfter=No where no space follows.
import type { ConlluSentence } from './conllu.ts';
import type { SyntaxToken } from './index.ts';

/** The sentences of a token layer of `text` as CoNLL-U sentences. */
export function layerToConllu(text: string, tokens: readonly SyntaxToken[]): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && tokens[j]!.sentence === tokens[i]!.sentence) j++;
    const first = tokens[i]!;
    const last = tokens[j - 1]!;
    const sentenceText = text.slice(first.start, last.end).replace(/\s+/g, ' ');
    const words = tokens.slice(i, j).map((t, k) => {
      const next = tokens[i + k + 1];
      const misc = [`TokenRange=${t.start}:${t.end}`];
      const glued = next && next.sentence === t.sentence && next.start === t.end;
      if (glued) misc.unshift('SpaceAfter=No');
      return {
        id: k + 1,
        form: t.text.replace(/\s/g, '_'),
        lemma: t.lemma.replace(/\s/g, '_'),
        upos: t.upos,
        xpos: '_',
        feats: '_',
        head: t.head < 0 ? 0 : t.head - i + 1,
        deprel: t.deprel,
        deps: '_',
        misc: misc.join('|'),
      };
    });
    out.push({
      comments: [`# sent_id = ${first.sentence + 1}`, `# text = ${sentenceText}`],
      words,
      ranges: new Map(),
    });
    i = j;
  }
  return out;
}
