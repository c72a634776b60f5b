// Prospects and their follow-up: each stored prospect with the stored event that fulfils it, if
// any. Links are computed when read, not stored: a document added or removed in any order
// changes them at once, and no migration or re-link pass can leave them stale (decision 0008).
import { fulfillingTypes, fulfils, type FulfilmentVerdict } from '../merge/fulfils.ts';
import type { Evidence } from '../extract/types.ts';
import type { Db } from '../store/db.ts';
import { candidateMentions, listProspectRows, type CandidateMention, type ProspectRow } from '../store/prospects.repo.ts';
import { resolveActorQuery, type ActorRef } from './actors.service.ts';

/** The event that fulfilled a prospect, with the mention (document and sentence) that shows it. */
export interface Fulfilment {
  eventId: number;
  date: string | null;
  type: string;
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
  type: string;
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
  if (first) return /^\d{4}$/.test(first) ? `${first}-01-01` : /^\d{4}-\d{2}$/.test(first) ? `${first}-01` : first;
  return openAsOf(p);
};

/** The best fulfilment of `p` among `candidates` (earliest event first; the best-worded mention of it). */
export function findFulfilment(p: ProspectRow, candidates: CandidateMention[]): Fulfilment | null {
  let found: { m: CandidateMention; v: FulfilmentVerdict } | null = null;
  for (const m of candidates) {
    // Candidates come earliest event first: once an event fulfils, later events cannot do better.
    if (found && found.m.eventId !== m.eventId) break;
    const v = fulfils(
      {
        type: p.type,
        mode: p.mode,
        date: p.date,
        openAsOf: openAsOf(p),
        source: p.source,
        target: p.target,
        actors: p.actors,
        text: p.sentence.text,
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
        text: m.sentenceText,
        documentId: m.documentId,
        evidence: m.evidence ?? undefined,
      },
    );
    if (v.fulfils && (!found || v.score > found.v.score)) found = { m, v };
  }
  if (!found) return null;
  const { m, v } = found;
  return { eventId: m.eventId, date: m.date, type: m.type, evidence: m.evidence, documentId: m.documentId, documentTitle: m.documentTitle, reasons: v.reasons };
}

/** Every stored prospect about `a` (and `b`), each open or fulfilled by a stored event. */
export function prospects(db: Db, q: ProspectsQuery = {}): ProspectsResult {
  const a = q.a ? resolveActorQuery(q.a) : null;
  const b = q.b ? resolveActorQuery(q.b) : null;
  const rows = listProspectRows(db, { a: a?.code, b: b?.code });
  // Prospects of one pair and type family share their candidates: read them once, from the
  // earliest date any of them allows.
  const groups = new Map<string, { codes: string[]; types: string[]; from: string | null; undatedAny: boolean }>();
  const keyOf = (p: ProspectRow) => `${[...new Set(p.actors)].sort().join('+')}|${fulfillingTypes(p.type).join(',')}`;
  for (const p of rows) {
    if (!p.actors.length) continue;
    const k = keyOf(p);
    const from = notBefore(p);
    const g = groups.get(k);
    if (!g) groups.set(k, { codes: [...new Set(p.actors)], types: fulfillingTypes(p.type), from, undatedAny: from === null });
    else if (from === null) g.undatedAny = true;
    else if (g.from === null || from < g.from) g.from = from;
  }
  const candidates = new Map<string, CandidateMention[]>();
  for (const [k, g] of groups) candidates.set(k, candidateMentions(db, { codes: g.codes, types: g.types, notBefore: g.undatedAny ? null : g.from }));

  const items: ProspectItem[] = [];
  for (const p of rows) {
    const fulfilledBy = p.actors.length ? findFulfilment(p, candidates.get(keyOf(p)) ?? []) : null;
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
