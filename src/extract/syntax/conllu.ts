// CoNLL-U (https://universaldependencies.org/format.html): reading treebanks and writing the
// token layer. Multiword-token lines ("19-20 don't") and empty nodes ("8.1") are kept aside so a
// re-parsed file keeps its shape; only the syntactic words are tagged and parsed.

/** One syntactic word of a CoNLL-U sentence (the ten columns; head 0 is the root). */
export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

/** A sentence: its comment lines, its words, and its multiword-token lines by first word id. */
export interface ConlluSentence {
  comments: string[];
  words: ConlluWord[];
  ranges: Map<number, string>;
}

/** Parses CoNLL-U text; throws an Error naming the line on a malformed word line. */
export function readConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { comments: [], words: [], ranges: new Map() };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') {
      if (cur.words.length || cur.comments.length) out.push(cur);
      cur = { comments: [], words: [], ranges: new Map() };
      continue;
    }
    if (line.startsWith('#')) {
      cur.comments.push(line);
      continue;
    }
    const c = line.split('\t');
    if (c.length !== 10) throw new Error(`line ${n + 1}: a word line has 10 tab-separated columns`);
    const id = c[0]!;
    if (/^\d+-\d+$/.test(id)) {
      cur.ranges.set(Number(id.split('-')[0]), line);
      continue;
    }
    if (id.includes('.')) continue;
    if (!/^\d+$/.test(id)) throw new Error(`line ${n + 1}: bad word id '${id}'`);
    cur.words.push({
      id: Number(id),
      form: c[1]!,
      lemma: c[2]!,
      upos: c[3]!,
      xpos: c[4]!,
      feats: c[5]!,
      head: c[6] === '_' ? -1 : Number(c[6]),
      deprel: c[7]!,
      deps: c[8]!,
      misc: c[9]!,
    });
  }
  if (cur.words.length || cur.comments.length) out.push(cur);
  return out;
}

/** CoNLL-U text of `sentences`, each followed by a blank line. */
export function writeConllu(sentences: readonly ConlluSentence[]): string {
  const lines: string[] = [];
  for (const s of sentences) {
    lines.push(...s.comments);
    for (const w of s.words) {
      const range = s.ranges.get(w.id);
      if (range) lines.push(range);
      const head = w.head < 0 ? '_' : String(w.head);
      lines.push(
        [w.id, w.form, w.lemma, w.upos, w.xpos, w.feats, head, w.deprel, w.deps, w.misc].join('\t'),
      );
    }
    lines.push('');
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
