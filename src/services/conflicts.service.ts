// Conflicts between sources: reads each stored document's claims once (ranks, spans of years,
// period starts, what figures are about), runs the detectors of src/merge/conflicts.ts over
// every claim in the store, and keeps the result in sync. Detection reruns only when the store
// changed since the last run, so listing conflicts is cheap when nothing was added.
import { sentenceAt, type FactContext } from '../extract/claims/context.ts';
import { findDurations, findPeriodStarts, type DurationFinding, type PeriodStartFinding } from '../extract/claims/durations.ts';
import { findOrdinals, type OrdinalFinding } from '../extract/claims/ordinals.ts';
import { findActors } from '../extract/actors/index.ts';
import { findTimes } from '../extract/dates/index.ts';
import { figureSubject, isPartOfTotal } from '../extract/figures/subject.ts';
import { splitSentences } from '../extract/text/sentences.ts';
import type { Evidence } from '../extract/types.ts';
import { TiesError } from '../errors.ts';
import {
  findConflicts,
  type Conflict,
  type DurationRecord,
  type FigureRecord,
  type OrdinalRecord,
  type PeriodStartRecord,
} from '../merge/conflicts.ts';
import { sameEvent, type SameEventVerdict } from '../merge/same-event.ts';
import {
  allClaims,
  documentsToScan,
  eventById,
  figureRecords,
  lastFingerprint,
  listConflicts,
  listFigures,
  listStances,
  mentionRecords,
  replaceClaims,
  storeFingerprint,
  syncConflicts,
  type ClaimDocument,
  type ConflictRow,
  type FigureRow,
  type StanceRow,
  type StoredClaim,
} from '../store/conflicts.repo.ts';
import type { Db } from '../store/db.ts';
import { resolveActorQuery, type ActorRef } from './actors.service.ts';
import { toTimelineEvents, type TimelineEvent } from './events.service.ts';

// Bump when the claim finders change what they find: documents are then read again.
const CLAIM_VERSION = 3;
// Bump when the detectors change: stored conflicts are then detected again.
const DETECT_VERSION = 3;

/** An ordinal claim as stored: the finding plus the mention it was attached to. */
interface StoredOrdinal extends Omit<OrdinalFinding, 'evidence'> {
  mentionId: number | null;
}

/** A conflict as the CLI's `--json` and `GET /api/conflicts` show it. */
export interface ConflictView {
  id: number;
  kind: Conflict['kind'];
  summary: string;
  actors: string[];
  eventIds: string[];
  claims: { documentId: string; documentTitle: string | null; evidence: Evidence; value: string }[];
}

const distance = (a: Evidence, b: { start: number; end: number }) => (a.end < b.start ? b.start - a.end : b.end < a.start ? a.start - b.end : 0);

/** Reads one document's claims (the layers below are re-run: claims are not stored by ingest). */
function claimsOf(db: Db, doc: ClaimDocument): StoredClaim[] {
  const sentences = splitSentences(doc.text);
  const ctx: FactContext = {
    times: findTimes(doc.text, sentences, { documentDate: doc.date }),
    actors: findActors(doc.text, sentences, { title: doc.title, documentDate: doc.date }),
    pair: null,
    documentDate: doc.date,
  };
  const mentions = mentionRecords(db, { documentId: doc.id });
  const out: StoredClaim[] = [];
  for (const o of findOrdinals(doc.text, sentences, ctx)) {
    // The mention the rank is about: same sentence, the holder taking part, nearest evidence.
    const sentence = sentenceAt(sentences, o.evidence.start);
    const mention = mentions
      .filter((m) => sentence && m.evidence.start < sentence.end && m.evidence.end > sentence.start)
      .filter((m) => !o.holder || m.actors.includes(o.holder))
      .sort((a, b) => distance(a.evidence, o.evidence) - distance(b.evidence, o.evidence))[0];
    const { evidence, ...rest } = o;
    out.push({ documentId: doc.id, kind: 'ordinal', data: { ...rest, mentionId: mention?.mentionId ?? null } satisfies StoredOrdinal, evidence });
  }
  for (const d of findDurations(doc.text, sentences, ctx)) {
    const { evidence, ...rest } = d;
    out.push({ documentId: doc.id, kind: 'duration', data: rest, evidence });
  }
  for (const p of findPeriodStarts(doc.text, sentences, ctx)) {
    const { evidence, ...rest } = p;
    out.push({ documentId: doc.id, kind: 'period', data: rest, evidence });
  }
  for (const f of listFigures(db, { documentId: doc.id })) {
    const sentence = sentenceAt(sentences, f.evidence.start);
    const about = sentence ? figureSubject(doc.text, sentence, f.evidence) : null;
    const part = sentence ? isPartOfTotal(doc.text, sentence, f.evidence.start) : false;
    if (about || part) out.push({ documentId: doc.id, kind: 'subject', data: { figureId: f.id, about, part }, evidence: f.evidence });
  }
  return out;
}

/** Reads the claims of every document not yet read by this version; returns how many were read. */
export function scanClaims(db: Db): number {
  const docs = documentsToScan(db, CLAIM_VERSION);
  for (const doc of docs) {
    const claims = claimsOf(db, doc);
    db.transaction(() => replaceClaims(db, doc.id, CLAIM_VERSION, claims))();
  }
  return docs.length;
}

/** Options of `detectConflicts`. */
export interface DetectOptions {
  /** Detect even when the store did not change since the last run. */
  force?: boolean;
  /** The time recorded as detection time (tests fix it). */
  now?: string;
}

/** Brings the stored conflicts up to date with the store; returns whether detection ran. */
export function detectConflicts(db: Db, options: DetectOptions = {}): boolean {
  const before = `v${CLAIM_VERSION}.${DETECT_VERSION}:${storeFingerprint(db)}`;
  if (!options.force && before === lastFingerprint(db)) return false;
  scanClaims(db);
  const mentions = mentionRecords(db);
  const eventOfMention = new Map(mentions.map((m) => [m.mentionId, m.eventId]));
  const about = new Map<number, { about: string | null; part: boolean }>();
  const ordinals: OrdinalRecord[] = [];
  const durations: DurationRecord[] = [];
  const periodStarts: PeriodStartRecord[] = [];
  for (const c of allClaims(db)) {
    const origin = { documentId: c.documentId, documentTitle: c.documentTitle, evidence: c.evidence };
    if (c.kind === 'ordinal') {
      const o = c.data as StoredOrdinal;
      ordinals.push({ ...origin, eventId: o.mentionId !== null ? (eventOfMention.get(o.mentionId) ?? null) : null, holder: o.holder, rank: o.rank, of: o.of, predicate: o.predicate, verb: o.verb, objects: o.objects, after: o.after });
    } else if (c.kind === 'duration') {
      const d = c.data as Omit<DurationFinding, 'evidence'>;
      durations.push({ ...origin, years: d.years, what: d.what, end: d.end, actors: d.actors });
    } else if (c.kind === 'period') {
      const p = c.data as Omit<PeriodStartFinding, 'evidence'>;
      periodStarts.push({ ...origin, start: p.start, actors: p.actors });
    } else {
      const s = c.data as { figureId: number; about: string | null; part?: boolean };
      about.set(s.figureId, { about: s.about, part: s.part === true });
    }
  }
  const figures: FigureRecord[] = figureRecords(db).map((f) => ({ ...f, about: about.get(f.id)?.about ?? null, part: about.get(f.id)?.part ?? false }));
  const found = findConflicts({ mentions, ordinals, figures, durations, periodStarts });
  const now = options.now ?? new Date().toISOString();
  db.transaction(() => syncConflicts(db, found, before, now)).immediate();
  return true;
}

const view = (r: ConflictRow): ConflictView => ({
  id: r.id,
  kind: r.kind,
  summary: r.summary,
  actors: r.actors,
  eventIds: r.eventIds.map(String),
  claims: r.claims.map((c) => ({ documentId: c.documentId, documentTitle: c.documentTitle, evidence: c.evidence, value: c.value })),
});

/** Conflicts about `a` (and `b`), or about one event, detection brought up to date first. */
export function conflicts(db: Db, q: { a?: string; b?: string; event?: string }): { a: ActorRef | null; b: ActorRef | null; items: ConflictView[] } {
  const a = q.a ? resolveActorQuery(q.a) : null;
  const b = q.b ? resolveActorQuery(q.b) : null;
  detectConflicts(db);
  const eventId = q.event !== undefined ? Number(q.event) : undefined;
  return { a, b, items: listConflicts(db, { a: a?.code, b: b?.code, eventId }).map(view) };
}

/** Why one merged event is one: its mentions, the merge verdict between them, its conflicts. */
export interface EventExplanation {
  event: TimelineEvent;
  /** For each later mention, the verdict of `sameEvent` against the first. */
  verdicts: { mentions: [number, number]; verdict: SameEventVerdict }[];
  conflicts: ConflictView[];
}

/** Explains event `id`: why its mentions were merged, and where they disagree. */
export function explainEvent(db: Db, id: string): EventExplanation {
  const eventId = Number(id);
  const row = Number.isInteger(eventId) ? eventById(db, eventId) : null;
  if (!row) throw new TiesError('NOT_FOUND', `no event ${id} (ids are in 'ties timeline --json' and the API)`);
  detectConflicts(db);
  const mentions = mentionRecords(db, { eventId });
  const facts = (m: (typeof mentions)[number]) => ({ type: m.type, date: m.date, actors: m.actors, source: m.source, target: m.target, evidenceText: m.evidence.text });
  const verdicts: EventExplanation['verdicts'] = [];
  for (let i = 1; i < mentions.length; i++) {
    verdicts.push({ mentions: [0, i], verdict: sameEvent(facts(mentions[0]!), facts(mentions[i]!)) });
  }
  return { event: toTimelineEvents(db, [row])[0]!, verdicts, conflicts: listConflicts(db, { eventId }).map(view) };
}

/** Figures about `a` (and `b`), each with its document and evidence. */
export function figures(db: Db, q: { a: string; b?: string }): { a: ActorRef; b: ActorRef | null; items: FigureRow[] } {
  const a = resolveActorQuery(q.a);
  const b = q.b ? resolveActorQuery(q.b) : null;
  return { a, b, items: listFigures(db, { a: a.code, b: b?.code }) };
}

/** Stances held by or about `a` (between `a` and `b` when given). */
export function stances(db: Db, q: { a: string; b?: string }): { a: ActorRef; b: ActorRef | null; items: StanceRow[] } {
  const a = resolveActorQuery(q.a);
  const b = q.b ? resolveActorQuery(q.b) : null;
  return { a, b, items: listStances(db, { a: a.code, b: b?.code }) };
}
