// Lemmas: a table of the forms whose lemma the rules get wrong (made from the treebank by
// `npm run train`), then suffix rules for regular nouns, verbs and adjectives.
import { keyOf } from './words.ts';

/** A table from "UPOS\tkey" to lemma. */
export type LemmaTable = ReadonlyMap<string, string>;

// An -ed/-ing stem that lost a final e ("vot-ing", "creat-ed", "us-ing").
const NEEDS_E = new RegExp(
  '(?:[^aeiou][aeiou][cvzs]|[^aeiou]at|iz|yz|dg|rg|[^aeiou]ur|[^aeiou]ut|[^aeiou]ot' +
    '|[^aeiou]ak|[^aeiou]ok|[^aeiou]id|[^aeiou]ar|[^aeiou]in)$',
);
// Doubled final consonants that the suffix doubled ("stopp-ed"); ll, ss, zz, ff belong to stems.
const DOUBLED = /([bdgkmnprtv])\1$/;

function verbStem(stem: string): string {
  if (stem.length < 2) return stem;
  if (DOUBLED.test(stem)) return stem.slice(0, -1);
  if (NEEDS_E.test(stem)) return `${stem}e`;
  return stem;
}

/** The lemma the suffix rules give for a lower-cased word `k` with tag `upos`. */
export function ruleLemma(k: string, upos: string): string {
  if (upos === 'NOUN') {
    if (k.length > 4 && k.endsWith('ies')) return `${k.slice(0, -3)}y`;
    if (/(?:ss|x|ch|sh|zz)es$/.test(k)) return k.slice(0, -2);
    if (k.length > 3 && k.endsWith('s') && !/(?:ss|us|is|ics)$/.test(k)) return k.slice(0, -1);
    return k;
  }
  if (upos === 'VERB' || upos === 'AUX') {
    if (k.length > 4 && /ie[sd]$/.test(k)) return `${k.slice(0, -3)}y`;
    if (k.length > 4 && k.endsWith('ing')) return verbStem(k.slice(0, -3));
    if (k.length > 3 && k.endsWith('ed')) return verbStem(k.slice(0, -2));
    if (/(?:ss|x|ch|sh|zz|o)es$/.test(k)) return k.slice(0, -2);
    if (k.length > 3 && k.endsWith('s') && !k.endsWith('ss')) return k.slice(0, -1);
    return k;
  }
  if (upos === 'ADJ') {
    if (k.length > 5 && k.endsWith('iest')) return `${k.slice(0, -4)}y`;
    if (k.length > 4 && k.endsWith('ier')) return `${k.slice(0, -3)}y`;
    return k;
  }
  return k;
}

/** The lemma of `form` with tag `upos`: the table first, then the rules. */
export function lemmatize(form: string, upos: string, table: LemmaTable): string {
  const k = keyOf(form);
  const hit = table.get(`${upos}\t${k}`);
  if (hit !== undefined) return hit;
  if (upos === 'PROPN') return form;
  return ruleLemma(k, upos);
}

/** The exceptions table of a treebank: each (UPOS, key) whose usual lemma the rules miss. */
export function lemmaExceptions(
  words: Iterable<{ form: string; upos: string; lemma: string }>,
): [string, string][] {
  const counts = new Map<string, Map<string, number>>();
  for (const w of words) {
    if (w.upos === 'PROPN' || w.lemma === '_') continue;
    const key = `${w.upos}\t${keyOf(w.form)}`;
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    m.set(w.lemma, (m.get(w.lemma) ?? 0) + 1);
  }
  const out: [string, string][] = [];
  for (const [key, m] of counts) {
    // The most frequent lemma; ties go to the alphabetically first, for a stable table.
    const [lemma] = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const [upos, k] = key.split('\t') as [string, string];
    if (ruleLemma(k, upos) !== lemma) out.push([key, lemma]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
