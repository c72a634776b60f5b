// Whether a stored event fulfils a prospect (a plan, proposal, hope or pending deal): a pure
// decision over the two sentences and their coded facts, with reasons a person can read. The
// store picks candidates by participants, type family and date; this decides. It reads what was
// stored of each clause at ingest (`ClauseWording`), never the text: no extraction at query time.
import type { PloverType, Span } from '../extract/types.ts';
import { dateBounds } from './same-event.ts';

/**
 * What the rule compares of a clause, read when its document was stored: its content words
 * (stemmed, participants' names left out; `contentWordsOf`), the surnames of the people it names
 * with a title and the domains it talks about (`namedPeople`, `domains` of wording.ts).
 */
export interface ClauseWording {
  words: ReadonlySet<string>;
  people: ReadonlySet<string>;
  domains: ReadonlySet<string>;
}

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
  /** What was read of the clause that states it (`clauseOf` its evidence). */
  wording: ClauseWording;
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
  /** What was read of the clause of the mention (`clauseOf` its evidence). */
  wording: ClauseWording;
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
const COOPERATION: PloverType[] = ['AGREE', 'COOPERATE', 'AID'];

/** The event types that can fulfil a prospect of `type`: its own, or the cooperation family. */
export function fulfillingTypes(type: PloverType): PloverType[] {
  return COOPERATION.includes(type) ? COOPERATION : [type];
}

// Types whose source and target may be written either way round ("A and B signed", "B and A
// held talks"); for the rest (a visit, aid, an accusation) who does it to whom matters.
const SYMMETRIC = new Set<PloverType>(['AGREE', 'COOPERATE']);
const directional = (type: PloverType, mode: string | null) =>
  !SYMMETRIC.has(type) && !(type === 'CONSULT' && mode !== 'visit');

// A designation mixes letters and digits ("JF-17", "S-400", "AMAN-2013"): two of them that
// differ name two different things, however alike the rest of the clause is.
const isDesignation = (w: string) => w.includes('-');

/** The designations among a clause's content words ("jf-17"): the rule keeps apart clauses whose designations differ. */
export const designationsOf = (w: ClauseWording): string[] => [...w.words].filter(isDesignation);

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

  const eb = dateBounds(e.date);
  if (!eb) return no('the event is undated');
  const pb = dateBounds(p.date);
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

  const pp = p.wording.people;
  const ep = e.wording.people;
  if (pp.size && ep.size && ![...pp].some((x) => ep.has(x)))
    return no(`different people: ${[...pp].join(', ')} vs ${[...ep].join(', ')}`);
  const pd = p.wording.domains;
  const ed = e.wording.domains;
  if (pd.size && ed.size && ![...pd].some((d) => ed.has(d)))
    return no(`different domains: ${[...pd].join(', ')} vs ${[...ed].join(', ')}`);

  const pw = p.wording.words;
  const ew = e.wording.words;
  const shared = [...pw].filter((w) => ew.has(w)).sort();
  const pn = designationsOf(p.wording);
  const en = designationsOf(e.wording);
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
