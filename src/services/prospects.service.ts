// Prospects and their follow-up: each stored prospect with the stored event that fulfils it, if
// any. Links are computed when read, not stored: a document added or removed in any order
// changes them at once, and no migration or re-link pass can leave them stale (decision 0008).
// What the rule compares of each clause was read at ingest (clause-wording.ts): listing reads
// stored rows only, and runs no extraction.
import {
  designationsOf,
  fulfillingTypes,
  fulfils,
  type ClauseWording,
  type FulfilmentVerdict,
} from '../merge/fulfils.ts';
import type { Evidence, PloverType } from '../extract/types.ts';
import type { Db } from '../store/db.ts';
import {
  candidateMentions,
  eventDocuments,
  listProspectRows,
  type CandidateMention,
  type ProspectRow,
} from '../store/prospects.repo.ts';
import { resolveActorQuery, type ActorRef } from './actors.service.ts';
import { readWording } from './clause-wording.ts';

/** The event that fulfilled a prospect, with the mention (document and sentence) that shows it. */
export interface Fulfilment {
  eventId: number;
  date: string | null;
  type: PloverType;
  evidence: Evidence | null;
  documentId: string;
  documentTitle: string | null;
  /** Why the rule links them. */
  reasons: string[];
}

/** A prospect as `ties prospects` and `GET /api/prospects` show it. */
export interface ProspectItem {
  id: number;
  kind: string;
  type: PloverType;
  status: 'open' | 'fulfilled';
  /** When it was stated, or null. */
  date: string | null;
  source: string | null;
  target: string | null;
  actors: string[];
  evidence: Evidence;
  documentId: string;
  documentTitle: string | null;
  fulfilledBy: Fulfilment | null;
}

/** Query of the prospect listing: names or codes, and whether to keep only open prospects. */
export interface ProspectsQuery {
  a?: string;
  b?: string;
  open?: boolean;
}

/** The listing with the actors it was narrowed to. */
export interface ProspectsResult {
  a: ActorRef | null;
  b: ActorRef | null;
  items: ProspectItem[];
}

/**
 * The day an undated prospect is known to be still open: its document calls it open when
 * written, and a document is written no earlier than its publication date or the latest event
 * it reports (an undated essay that reports 2020 was written in 2020 or later).
 */
export function openAsOf(p: Pick<ProspectRow, 'documentDate' | 'latestEventDate'>): string | null {
  const days = [p.documentDate, p.latestEventDate].filter((d): d is string => !!d).sort();
  return days.at(-1) ?? null;
}

const notBefore = (p: ProspectRow): string | null => {
  const first = p.date ? p.date.split('/')[0]! : null;
  if (first)
    return /^\d{4}$/.test(first)
      ? `${first}-01-01`
      : /^\d{4}-\d{2}$/.test(first)
        ? `${first}-01`
        : first;
  return openAsOf(p);
};

/** A candidate mention with what the rule reads of it, prepared once per listing. */
export interface Candidate extends CandidateMention {
  clause: ClauseWording;
  eventDocuments: string[];
}

/** Candidates of one pair and type family, earliest event first, indexed by their clauses' words. */
export class CandidateSet {
  private readonly byWord = new Map<string, number[]>();

  constructor(readonly items: Candidate[]) {
    items.forEach((m, i) => {
      for (const w of m.clause.words) {
        const list = this.byWord.get(w);
        if (list) list.push(i);
        else this.byWord.set(w, [i]);
      }
    });
  }

  /**
   * The candidates the rule may accept for a prospect stated in `clause`, in their order: those
   * sharing a content word with it and, when it names a designation ("JF-17"), naming the same
   * one or none.
   */
  sharingWords(clause: ClauseWording): Candidate[] {
    const mine = designationsOf(clause);
    const at = new Set<number>();
    for (const w of clause.words) for (const i of this.byWord.get(w) ?? []) at.add(i);
    return [...at]
      .sort((a, b) => a - b)
      .map((i) => this.items[i]!)
      .filter((m) => {
        if (!mine.length) return true;
        const theirs = designationsOf(m.clause);
        return !theirs.length || theirs.some((d) => mine.includes(d));
      });
  }
}

/** The best fulfilment of `p` among `candidates` (earliest event first; the best-worded mention of it). */
export function findFulfilment(p: ProspectRow, candidates: CandidateSet): Fulfilment | null {
  let found: { m: Candidate; v: FulfilmentVerdict } | null = null;
  const clause = readWording(p.wording);
  // Copies of one document repeat one clause under one event: outside the prospect's own
  // document the verdict on it is the same, so it is asked once.
  const asked = new Set<string>();
  for (const m of candidates.sharingWords(clause)) {
    // Candidates come earliest event first: once an event fulfils, later events cannot do better.
    if (found && found.m.eventId !== m.eventId) break;
    if (m.documentId !== p.documentId) {
      // Equal stored wordings are equal clauses to the rule.
      const key = `${m.eventId}\u0000${m.wordingKey}`;
      if (asked.has(key)) continue;
      asked.add(key);
    }
    const v = fulfils(
      {
        type: p.type,
        mode: p.mode,
        date: p.date,
        openAsOf: openAsOf(p),
        source: p.source,
        target: p.target,
        actors: p.actors,
        wording: clause,
        documentId: p.documentId,
        sentence: p.sentence,
      },
      {
        type: m.type,
        mode: m.mode,
        date: m.date,
        source: m.source,
        target: m.target,
        actors: m.actors,
        negated: m.negated,
        wording: m.clause,
        documentId: m.documentId,
        evidence: m.evidence ?? undefined,
        eventDocuments: m.eventDocuments,
      },
    );
    if (v.fulfils && (!found || v.score > found.v.score)) found = { m, v };
  }
  if (!found) return null;
  const { m, v } = found;
  return {
    eventId: m.eventId,
    date: m.date,
    type: m.type,
    evidence: m.evidence,
    documentId: m.documentId,
    documentTitle: m.documentTitle,
    reasons: v.reasons,
  };
}

/** Every stored prospect about `a` (and `b`), each open or fulfilled by a stored event. */
export function prospects(db: Db, q: ProspectsQuery = {}): ProspectsResult {
  const a = q.a ? resolveActorQuery(q.a) : null;
  const b = q.b ? resolveActorQuery(q.b) : null;
  // One statement read twice (by two triggers of one span) is one prospect to a reader.
  const seen = new Set<string>();
  const rows = listProspectRows(db, { a: a?.code, b: b?.code }).filter((p) => {
    const key = `${p.documentId}:${p.evidence.start}:${p.evidence.end}:${p.kind}:${p.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Prospects of one pair and type family share their candidates: read them once, from the
  // earliest date any of them allows.
  const groups = new Map<
    string,
    { codes: string[]; types: string[]; from: string | null; undatedAny: boolean }
  >();
  const keyOf = (p: ProspectRow) =>
    `${[...new Set(p.actors)].sort().join('+')}|${fulfillingTypes(p.type).join(',')}`;
  for (const p of rows) {
    if (!p.actors.length) continue;
    const k = keyOf(p);
    const from = notBefore(p);
    const g = groups.get(k);
    if (!g)
      groups.set(k, {
        codes: [...new Set(p.actors)],
        types: fulfillingTypes(p.type),
        from,
        undatedAny: from === null,
      });
    else if (from === null) g.undatedAny = true;
    else if (g.from === null || from < g.from) g.from = from;
  }
  const candidates = new Map<string, CandidateSet>();
  for (const [k, g] of groups) {
    const mentions = candidateMentions(db, {
      codes: g.codes,
      types: g.types,
      notBefore: g.undatedAny ? null : g.from,
    });
    const docs = eventDocuments(
      db,
      mentions.map((m) => m.eventId),
    );
    candidates.set(
      k,
      new CandidateSet(
        mentions.map((m) => ({
          ...m,
          clause: readWording(m.wording),
          eventDocuments: docs.get(m.eventId) ?? [],
        })),
      ),
    );
  }

  const items: ProspectItem[] = [];
  for (const p of rows) {
    const set = candidates.get(keyOf(p));
    const fulfilledBy = set ? findFulfilment(p, set) : null;
    if (q.open && fulfilledBy) continue;
    items.push({
      id: p.id,
      kind: p.kind,
      type: p.type,
      status: fulfilledBy ? 'fulfilled' : 'open',
      date: p.date,
      source: p.source,
      target: p.target,
      actors: p.actors,
      evidence: p.evidence,
      documentId: p.documentId,
      documentTitle: p.documentTitle,
      fulfilledBy,
    });
  }
  return { a, b, items };
}
