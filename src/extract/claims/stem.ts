// A crude English stemmer for comparing predicates and wording across sources: enough to make
// "recognised", "recognized" and "recognizes" one word, not a linguistic analysis.

/** Lowercase, diacritics gone, British "-ise" spelled "-ize", plural and tense endings cut. */
export function stem(word: string): string {
  let w = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  w = w.replace(/is(e|ed|es|ing|ation)$/, 'iz$1');
  // Longest endings first so "recognized" and "recognizes" both reach "recogniz".
  for (const end of ['ing', 'ed', 'es', 'e', 's']) {
    if (w.length > end.length + 3 && w.endsWith(end)) return w.slice(0, -end.length);
  }
  return w;
}
