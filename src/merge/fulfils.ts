// Whether a stored event fulfils a prospect (a plan, proposal, hope or pending deal): a pure
// decision over the two sentences and their coded facts, with reasons a person can read. The
// store picks candidates by participants, type family and date; this decides.
import { findActors } from '../extract/actors/index.ts';
import { bare, tokenize, type Token } from '../extract/text/tokens.ts';
import type { PloverType, Span } from '../extract/types.ts';
import { dateBounds } from './same-event.ts';
import { domains, namedPeople } from './wording.ts';

/** What the rule needs to know of a prospect. */
export interface ProspectFacts {
  type: PloverType;
  mode: string | null;
  /** When it was stated (contract date string), or null. */
  date: string | null;
  /**
   * For an undated prospect: the publication date of its document (`YYYY-MM-DD`). The document
   * presents the prospect as still open then, so what happened before cannot be its fulfilment.
   */
  openAsOf?: string | null;
  source: string | null;
  target: string | null;
  actors: string[];
  /** The clause that states it (`clauseOf` its evidence): wording, people and domains are read here. */
  text: string;
  documentId?: string;
  /** Where its sentence lies in its document. */
  sentence?: Span;
}

/** What the rule needs to know of one mention of a stored event. */
export interface EventMentionFacts {
  type: PloverType;
  mode: string | null;
  date: string | null;
  source: string | null;
  target: string | null;
  actors: string[];
  negated?: boolean;
  /** The clause of the mention (`clauseOf` its evidence). */
  text: string;
  documentId?: string;
  evidence?: Span;
  /** Every document that reports the merged event (this mention's and the others'). */
  eventDocuments?: string[];
}

/** The decision, with its reasons; `shared` lists the content words both sentences have. */
export interface FulfilmentVerdict {
  fulfils: boolean;
  score: number;
  reasons: string[];
  shared: string[];
}

// PLOVER's material and verbal cooperation between two parties: a planned cooperation comes
// true as an agreement signed, a joint act, or aid given (a purchase is a signed contract).
const COOPERATION = ['AGREE', 'COOPERATE', 'AID'];

/** The event types that can fulfil a prospect of `type`: its own, or the cooperation family. */
export function fulfillingTypes(type: string): string[] {
  return COOPERATION.includes(type) ? COOPERATION : [type];
}

// Types whose source and target may be written either way round ("A and B signed", "B and A
// held talks"); for the rest (a visit, aid, an accusation) who does it to whom matters.
const SYMMETRIC = new Set(['AGREE', 'COOPERATE']);
const directional = (type: string, mode: string | null) =>
  !SYMMETRIC.has(type) && !(type === 'CONSULT' && mode !== 'visit');

// Words that say a thing is wanted, not what is wanted, and words every relation between two
// states uses: sharing them says nothing about the two sentences naming the same thing.
const NOT_CONTENT = new Set(
  `plan plann intend intent intention aim hope wish want like love eager keen expect propos proposal suggest
   consider eye eyeing mull seek seeking look interest express show shown reiterat repeated repeatedly
   will would could should may might can must shall going ready prepar possible possibility potential
   future soon upcoming yet pending
   sign hold held take took make made conduct pay paid reach launch carry start begin complete conclud
   sid side both two three countri country nation state government official minister ministry
   relation relationship tie bilateral mutual cooperation cooperat collaborat partnership
   military defence defense economic cultural political strategic diplomatic social
   new first year years time level field area way ways various further also well
   formal deal agreement accord contract memorandum document join joint`.split(/\s+/),
);

const STOPWORDS = new Set(
  `a an the of in on at to for from by with and or but as is was were are be been being has have had
   that this these those which who whom whose it its their them they he she his her our we us
   than then also after before between both each either into over under about up out not no
   so such very more most other same there here when where while all any some one during since
   according said says told`.split(/\s+/),
);

const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

/**
 * A word's stem for comparing two sentences: lowercase, no diacritics, "-ise" as "-ize", and
 * inflections cut down to three letters ("buying" and "buy", "jets" and "jet", "exercises" and
 * "exercise" meet; the extractor's stemmer keeps four, which leaves short words apart).
 */
export function wordStem(word: string): string {
  let w = word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/is(e|ed|es|ing|ation)$/, 'iz$1');
  if (/ie[sd]$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/ing$/.test(w) && w.length >= 6) w = w.slice(0, -3);
  else if (/ed$/.test(w) && w.length >= 5) w = w.slice(0, -2);
  else if (/[^s]s$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  if (/e$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  return w;
}

// The list above is matched on stems too, so "planned" and "plans" both fall out.
const NOT_CONTENT_STEMS = new Set([...NOT_CONTENT].map(wordStem));

/**
 * The content words of a sentence, stemmed, without the names of its participants (they are
 * compared as codes), dates, and words of wanting or of relations in general. A code written
 * with a hyphen ("JF-17", "AMAN-2013") is kept whole as well as its letters.
 */
export function contentWordsOf(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.trim()) return out;
  const sentence = [{ start: 0, end: text.length, index: 0, paragraph: 0 }];
  // Participants are blanked by span so "Pakistani" and "Baku" go, not only the country names.
  let blanked = text;
  for (const a of findActors(text, sentence)) {
    blanked = blanked.slice(0, a.start) + ' '.repeat(a.end - a.start) + blanked.slice(a.end);
  }
  for (const group of hyphenated(tokenize(blanked))) {
    const token = group.join('-');
    if (group.length > 1 && /\p{L}/u.test(token) && /\p{N}/u.test(token)) out.add(token);
    for (const w of group) {
      if (
        STOPWORDS.has(w) ||
        MONTHS.test(w) ||
        /^\d{1,4}(?:st|nd|rd|th|s)?$/.test(w) ||
        w.length < 2
      )
        continue;
      const s = wordStem(w);
      if (NOT_CONTENT.has(w) || NOT_CONTENT_STEMS.has(s)) continue;
      out.add(s);
    }
  }
  return out;
}

const WORD = /^[\p{L}\p{N}]/u;
// A number with separators ("25.5", "2,000") is one token; its digit groups are compared apart.
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)+$/u;

/**
 * The words of a token list, those joined by hyphens with no space ("JF-17", "AMAN-2013") in
 * one group; a possessive or contraction ending is left out ("Pakistan's", "didn't").
 */
function* hyphenated(tokens: readonly Token[]): Generator<string[]> {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    i++;
    if (!WORD.test(t.lower)) continue;
    if (NUMBER.test(t.lower)) {
      for (const part of t.lower.split(/[.,]/)) yield [part];
      continue;
    }
    const group = [bare(t.lower)];
    let last = t;
    for (;;) {
      const dash = tokens[i];
      const next = tokens[i + 1];
      if (dash?.lower !== '-' || dash.start !== last.end || !next || next.start !== dash.end) break;
      if (!WORD.test(next.lower) || NUMBER.test(next.lower)) break;
      group.push(bare(next.lower));
      last = next;
      i += 2;
    }
    yield group;
  }
}

// Where a clause ends: a comma, semicolon, colon or dash between words, or a full stop before a
// space (not the one inside "25.5" or "U.S").
const CLAUSE_END = /[,;:]\s|\s[–—-]\s|[.!?](?=\s|$)/g;

/**
 * The clause of `sentence` around `span` (both in document offsets): from the clause boundary
 * before the span to the one after it. A prospect's evidence can stop at its cue ("Azerbaijan
 * has expressed interests") and an event's at its participants ("signed a contract with
 * Pakistan"); what is wanted or done follows in the clause ("in importing the JF-17", "to buy
 * JF-17 fighter jets"), while the rest of a long sentence talks about other things.
 */
export function clauseOf(sentence: { start: number; text: string }, span: Span): string {
  const text = sentence.text;
  const from = Math.max(0, Math.min(text.length, span.start - sentence.start));
  const to = Math.max(from, Math.min(text.length, span.end - sentence.start));
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_END)) {
    const at = m.index;
    if (at + m[0].length <= from) start = at + m[0].length;
    else if (at >= to) {
      end = at;
      break;
    }
  }
  return text.slice(start, end).trim();
}

// The same clauses come back for every prospect of a pair: what is read from them is computed once.
const CACHE_LIMIT = 100_000;
function memo<T>(f: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, (v = f(text)));
    }
    return v;
  };
}
const cachedWords = memo(contentWordsOf);

/** `contentWordsOf`, remembered: the words the rule compares, for a caller's own index. */
export const wordsOf = cachedWords;

// A designation mixes letters and digits ("JF-17", "S-400", "AMAN-2013"): two of them that
// differ name two different things, however alike the rest of the clause is.
const isDesignation = (w: string) => w.includes('-');

/** The designations among a clause's content words ("jf-17"): the rule keeps apart clauses whose designations differ. */
export const designationsOf = memo((text: string) => [...cachedWords(text)].filter(isDesignation));
const cachedPeople = memo(namedPeople);
const cachedDomains = memo(domains);
const cachedBounds = memo((date: string) => dateBounds(date) ?? false);
const bounds = (date: string | null) => (date ? cachedBounds(date) || null : null);

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Decides whether the event mention `e` reports the prospect `p` done. */
export function fulfils(p: ProspectFacts, e: EventMentionFacts): FulfilmentVerdict {
  const reasons: string[] = [];
  const no = (why: string, shared: string[] = []): FulfilmentVerdict => ({
    fulfils: false,
    score: 0,
    reasons: [...reasons, why],
    shared,
  });

  if (e.negated) return no('the event is negated');
  if (!fulfillingTypes(p.type).includes(e.type))
    return no(`type ${e.type} does not fulfil a ${p.type} prospect`);
  reasons.push(p.type === e.type ? `same type ${e.type}` : `${e.type} fulfils ${p.type}`);

  if (!p.actors.length) return no('the prospect names no participant');
  const missing = p.actors.filter((c) => !e.actors.includes(c));
  if (missing.length) return no(`participants differ: the event lacks ${missing.join(', ')}`);
  reasons.push(`participants ${[...new Set(p.actors)].sort().join('+')} in the event`);
  if (
    p.type === e.type &&
    directional(p.type, p.mode) &&
    p.source &&
    p.target &&
    e.source &&
    e.target &&
    p.source !== p.target
  ) {
    if (p.source === e.target && p.target === e.source)
      return no(`directions differ: ${p.source}→${p.target} vs ${e.source}→${e.target}`);
  }

  const sameDocument = p.documentId !== undefined && p.documentId === e.documentId;
  if (sameDocument && p.sentence && e.evidence && overlaps(p.sentence, e.evidence))
    return no('the event is read from the prospect’s own sentence');
  // An undated prospect is open as of its document: nothing that document reports fulfils it.
  if (sameDocument && !p.date) return no('an undated prospect is still open in its own document');
  // The same holds for an event its document reports through another mention (a copy, a merge).
  if (!p.date && p.documentId !== undefined && e.eventDocuments?.includes(p.documentId)) {
    return no('the prospect’s own document reports this event and still calls it open');
  }

  const eb = bounds(e.date);
  if (!eb) return no('the event is undated');
  const pb = bounds(p.date);
  if (pb) {
    if (eb[1] < pb[0])
      return no(`the event (${e.date}) is before the prospect was stated (${p.date})`);
    reasons.push(`event ${e.date} not before the statement ${p.date}`);
  } else if (p.openAsOf) {
    if (eb[1] < p.openAsOf)
      return no(`the event (${e.date}) is before the document that calls it open (${p.openAsOf})`);
    reasons.push(`event ${e.date} not before the document ${p.openAsOf}`);
  } else {
    reasons.push(`undated prospect, event ${e.date}`);
  }

  const pp = cachedPeople(p.text);
  const ep = cachedPeople(e.text);
  if (pp.size && ep.size && ![...pp].some((x) => ep.has(x)))
    return no(`different people: ${[...pp].join(', ')} vs ${[...ep].join(', ')}`);
  const pd = cachedDomains(p.text);
  const ed = cachedDomains(e.text);
  if (pd.size && ed.size && ![...pd].some((d) => ed.has(d)))
    return no(`different domains: ${[...pd].join(', ')} vs ${[...ed].join(', ')}`);

  const pw = cachedWords(p.text);
  const ew = cachedWords(e.text);
  const shared = [...pw].filter((w) => ew.has(w)).sort();
  const pn = designationsOf(p.text);
  const en = designationsOf(e.text);
  if (pn.length && en.length && !pn.some((d) => ew.has(d)))
    return no(`different designations: ${pn.join(', ')} vs ${en.join(', ')}`, shared);
  if (!shared.length) return no('no content word in common');
  const score = shared.length / (pw.size + ew.size - shared.length);
  return {
    fulfils: true,
    score,
    reasons: [...reasons, `shared wording: ${shared.join(', ')}`],
    shared,
  };
}
