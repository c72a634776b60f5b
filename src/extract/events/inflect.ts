// English inflection for lexicon entries: a verb lemma to its forms, a noun to its plural.
// Over-generation is harmless (a form that no text contains never matches); a missed form is
// a missed event, so the rules err on the side of more forms.

// Irregular verbs the event lexicons use: lemma → [past, past participle].
const IRREGULAR: Record<string, [string, string]> = {
  meet: ['met', 'met'],
  hold: ['held', 'held'],
  give: ['gave', 'given'],
  take: ['took', 'taken'],
  send: ['sent', 'sent'],
  fight: ['fought', 'fought'],
  sell: ['sold', 'sold'],
  buy: ['bought', 'bought'],
  lead: ['led', 'led'],
  seek: ['sought', 'sought'],
  withdraw: ['withdrew', 'withdrawn'],
  shoot: ['shot', 'shot'],
  strike: ['struck', 'struck'],
  break: ['broke', 'broken'],
  begin: ['began', 'begun'],
  win: ['won', 'won'],
  lose: ['lost', 'lost'],
  speak: ['spoke', 'spoken'],
  say: ['said', 'said'],
  tell: ['told', 'told'],
  bring: ['brought', 'brought'],
  make: ['made', 'made'],
  pay: ['paid', 'paid'],
  keep: ['kept', 'kept'],
  leave: ['left', 'left'],
  stand: ['stood', 'stood'],
  undertake: ['undertook', 'undertaken'],
  forgive: ['forgave', 'forgiven'],
  freeze: ['froze', 'frozen'],
  write: ['wrote', 'written'],
  drive: ['drove', 'driven'],
  rise: ['rose', 'risen'],
  grow: ['grew', 'grown'],
  beat: ['beat', 'beaten'],
  hit: ['hit', 'hit'],
  put: ['put', 'put'],
  set: ['set', 'set'],
  cut: ['cut', 'cut'],
  shut: ['shut', 'shut'],
  let: ['let', 'let'],
  spread: ['spread', 'spread'],
  sit: ['sat', 'sat'],
  come: ['came', 'come'],
  go: ['went', 'gone'],
  see: ['saw', 'seen'],
  know: ['knew', 'known'],
  lay: ['laid', 'laid'],
  slay: ['slew', 'slain'],
  flee: ['fled', 'fled'],
  forbid: ['forbade', 'forbidden'],
  overrun: ['overran', 'overrun'],
  retake: ['retook', 'retaken'],
  blow: ['blew', 'blown'],
  swear: ['swore', 'sworn'],
  lend: ['lent', 'lent'],
  mislead: ['misled', 'misled'],
  show: ['showed', 'shown'],
  overthrow: ['overthrew', 'overthrown'],
  bear: ['bore', 'borne'],
  feel: ['felt', 'felt'],
  find: ['found', 'found'],
  become: ['became', 'become'],
  draw: ['drew', 'drawn'],
  ride: ['rode', 'ridden'],
  rebuild: ['rebuilt', 'rebuilt'],
  build: ['built', 'built'],
  shake: ['shook', 'shaken'],
  steal: ['stole', 'stolen'],
  throw: ['threw', 'thrown'],
  wake: ['woke', 'woken'],
  fly: ['flew', 'flown'],
  forgo: ['forwent', 'forgone'],
  bid: ['bid', 'bid'],
  choose: ['chose', 'chosen'],
  fall: ['fell', 'fallen'],
  think: ['thought', 'thought'],
};

/** The simple past of every irregular verb above ("met", "withdrew"). */
export const IRREGULAR_PASTS: readonly string[] = [
  ...new Set(Object.values(IRREGULAR).map(([past]) => past)),
];

const VOWEL = /[aeiou]/;

/** Every form of a verb lemma: base, -s, -ed (or irregular), -ing; both -ise and -ize spellings. */
export function verbForms(lemma: string): string[] {
  const spellings = /i[sz]e$/.test(lemma)
    ? [lemma.replace(/i[sz]e$/, 'ize'), lemma.replace(/i[sz]e$/, 'ise')]
    : [lemma];
  const out = new Set<string>();
  for (const v of spellings) {
    out.add(v);
    const irregular = IRREGULAR[v];
    if (irregular) irregular.forEach((f) => out.add(f));
    if (/(s|x|z|ch|sh|o)$/.test(v)) out.add(`${v}es`);
    else if (/[^aeiou]y$/.test(v)) out.add(`${v.slice(0, -1)}ies`);
    else out.add(`${v}s`);
    if (v.endsWith('ee')) {
      out.add(`${v}d`);
      out.add(`${v}ing`);
    } else if (v.endsWith('ie')) {
      out.add(`${v}d`);
      out.add(`${v.slice(0, -2)}ying`);
    } else if (v.endsWith('e')) {
      out.add(`${v}d`);
      out.add(`${v.slice(0, -1)}ing`);
    } else if (/[^aeiou]y$/.test(v)) {
      out.add(`${v.slice(0, -1)}ied`);
      out.add(`${v}ing`);
    } else {
      out.add(`${v}ed`);
      out.add(`${v}ing`);
      // Consonant–vowel–consonant endings double in stressed syllables (ban → banned, commit →
      // committed, expel → expelled); we cannot see stress, so add both spellings.
      const last = v[v.length - 1]!;
      if (
        !VOWEL.test(last) &&
        !/[wxy]/.test(last) &&
        VOWEL.test(v[v.length - 2] ?? '') &&
        !VOWEL.test(v[v.length - 3] ?? 'a')
      ) {
        out.add(`${v}${last}ed`);
        out.add(`${v}${last}ing`);
      }
    }
  }
  return [...out];
}

/** A noun and its plural(s). */
export function nounForms(noun: string): string[] {
  const out = new Set([noun]);
  if (/(s|x|z|ch|sh)$/.test(noun)) out.add(`${noun}es`);
  else if (/[^aeiou]y$/.test(noun)) out.add(`${noun.slice(0, -1)}ies`);
  else out.add(`${noun}s`);
  return [...out];
}
