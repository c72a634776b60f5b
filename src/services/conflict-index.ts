// Conflicts kept up to date as documents come and go (decision 0012). Storing a document stores
// its claims and, for each detector, the group each of its inputs is compared within; then only
// the groups it touched are detected again. Reading conflicts is an index lookup.
import { findActors } from '../extract/actors/index.ts';
import {
  findDocumentClaims,
  type ClaimEvent,
  type ClaimFigure,
  type DocumentClaims,
} from '../extract/claims/document-claims.ts';
import { findTimes } from '../extract/dates/index.ts';
import { splitSentences } from '../extract/text/sentences.ts';
import {
  arithmeticConflicts,
  crossEventDateConflicts,
  dateGroupOf,
  eventDateConflicts,
  figureConflicts,
  mergeConflicts,
  ordinalConflicts,
  rankGroupOf,
  type Conflict,
  type DurationRecord,
  type MentionRecord,
  type OrdinalRecord,
  type PeriodStartRecord,
} from '../merge/conflicts.ts';
import { dateBounds, dateGap, datesCompatible, NEAR_DAYS } from '../merge/same-event.ts';
import {
  allScopes,
  claimsOfDocument,
  claimsOfGroup,
  datedMentionFactsOfEvents,
  datesOfEvent,
  datesOfGroup,
  documentsToRegroupFigures,
  eventsShareDocument,
  documentsWithoutClaims,
  eventsOfDocumentMentions,
  figureIdsByExtraction,
  figureSubjects,
  figuresOfGroup,
  inputGroupsOfDocument,
  insertClaims,
  listFigures,
  mentionIdsByExtraction,
  mentionRecords,
  mentionsOfEvent,
  mentionsOfGroup,
  replaceConflictInputs,
  replaceFigureInputs,
  conflictKeysOfScope,
  scopesOfConflictKey,
  writeConflict,
  type ClaimDocument,
  type ConflictInputRow,
  type StoredClaim,
} from '../store/conflicts.repo.ts';
import type { Db } from '../store/db.ts';
import type { MentionFields } from '../store/events.repo.ts';

/** Bump when the claim finders change what they find: stored documents are then read again. */
export const CLAIM_VERSION = 4;

/** A rank claim as stored: the finding plus the mention it is about. */
interface StoredOrdinal extends Omit<OrdinalRecord, keyof typeof ORIGIN_KEYS | 'eventId'> {
  mentionId: number | null;
}
const ORIGIN_KEYS = { documentId: 1, documentTitle: 1, evidence: 1 } as const;

/** A document as conflict indexing needs it. */
export interface IndexedDocument {
  id: string;
  title: string | null;
  date: string | null;
  kind: string;
  text: string;
}

/**
 * Reads a stored text's claims again from its text: only for documents stored without them (an
 * import that brings its own extraction, a store from before claims were stored).
 */
export function claimsFromText(
  doc: Pick<ClaimDocument, 'text' | 'title' | 'date'>,
  events: readonly ClaimEvent[],
  figures: readonly ClaimFigure[],
): DocumentClaims {
  const sentences = splitSentences(doc.text);
  const ctx = {
    times: findTimes(doc.text, sentences, { documentDate: doc.date }),
    actors: findActors(doc.text, sentences, { title: doc.title, documentDate: doc.date }),
    pair: null,
    documentDate: doc.date,
  };
  return findDocumentClaims(doc.text, sentences, ctx, events, figures);
}

const DAY = 86_400_000;
const yearNear = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * DAY).getUTCFullYear();

/**
 * The date groups of a dated mention: its type and participants, by year, for every year within
 * `NEAR_DAYS` of its dates. Two mentions the detector compares (overlapping, or that near) share
 * a year, so each group stays the size of a year of one pair's events however large the store.
 */
function dateScopes(m: { type: string; actors: string[]; date: string | null }): string[] {
  const b = dateBounds(m.date);
  if (!b) return [];
  const out: string[] = [];
  for (let y = yearNear(b[0], -NEAR_DAYS); y <= yearNear(b[1], NEAR_DAYS); y++)
    out.push(`dates:${dateGroupOf(m)}|${y}`);
  return out;
}

/**
 * The groups a figure is compared within: its measure and unit with each of its actors, by every
 * year its date spans, and by its subject. Two figures `figureConflicts` compares share one
 * (dated ones only when one date holds the other, so in a year; others only with one subject),
 * so a group holds one year's or one subject's figures however large the store grows. A figure
 * with neither date nor subject, or a part of a total, is compared with none.
 */
export function figureScopes(
  f: { measure: string; unit: string; actors: string[]; date: string | null },
  subject: { about: string | null; part: boolean } | null,
): string[] {
  if (subject?.part) return [];
  const parts: string[] = [];
  if (f.date) {
    const b = dateBounds(f.date);
    // An unreadable date is compatible with another unreadable one only (`datesCompatible`).
    if (!b) parts.push('?');
    else
      for (let y = Number(b[0].slice(0, 4)); y <= Number(b[1].slice(0, 4)); y++) parts.push(`${y}`);
  }
  if (subject?.about) parts.push(`=${subject.about.toLowerCase()}`);
  const out: string[] = [];
  for (const actor of new Set(f.actors))
    for (const p of parts) out.push(`figure:${f.measure}|${f.unit}|${actor}|${p}`);
  return out;
}

function figureInputs(
  documentId: string,
  f: { id: number; measure: string; unit: string; actors: string[]; date: string | null },
  subject: { about: string | null; part: boolean } | null,
): ConflictInputRow[] {
  return figureScopes(f, subject).map((grp) => ({
    grp,
    kind: 'figure',
    ref: f.id,
    documentId,
    data: subject ?? undefined,
  }));
}

/** A mention as the document's write stored it: its id, its event then, and its fields. */
export interface WrittenMention {
  mentionId: number;
  eventId: number;
  mention: Pick<MentionFields, 'extractionId' | 'type' | 'actors' | 'date' | 'evidence'>;
}

/**
 * Stores a document's claims and conflict inputs, then detects again the groups it touches, or
 * adds them to `later` (a batch detects each group once, after all its documents are written).
 * Runs inside the caller's transaction, after the document's mentions and figures are stored.
 * Without `claims`, a text document's claims are read from its text. `written`: the mentions the
 * caller just stored (all of the document's, in order), so they are not read back.
 */
export function indexDocumentConflicts(
  db: Db,
  doc: IndexedDocument,
  claims: DocumentClaims | null,
  now = new Date().toISOString(),
  later?: Set<string>,
  written?: WrittenMention[],
): void {
  const fresh = claims && written;
  const mentions: Pick<MentionRecord, 'mentionId' | 'type' | 'actors' | 'date'>[] = fresh
    ? fresh.filter((w) => w.mention.evidence).map((w) => ({ mentionId: w.mentionId, ...w.mention }))
    : mentionRecords(db, { documentId: doc.id });
  const mentionIds = fresh
    ? new Map(fresh.map((w) => [w.mention.extractionId, w.mentionId]))
    : mentionIdsByExtraction(db, doc.id);
  const figureIds = figureIdsByExtraction(db, doc.id);
  if (!claims && doc.kind === 'text') {
    const records = mentions as MentionRecord[];
    // Stored mentions stand for the extraction's events, stored figures (`#id`) for its figures.
    const extractionOf = new Map([...mentionIds].map(([x, id]) => [id, x]));
    claims = claimsFromText(
      doc,
      records.map((m) => ({
        id: extractionOf.get(m.mentionId) ?? '',
        evidence: m.evidence,
        actors: m.actors,
      })),
      listFigures(db, { documentId: doc.id }).map((f) => ({
        id: `#${f.id}`,
        evidence: f.evidence,
      })),
    );
  }
  const stored: StoredClaim[] = [];
  const inputs: ConflictInputRow[] = [];
  const rankGroups: string[] = [];
  for (const o of claims?.ordinals ?? []) {
    const { evidence, eventId, ...rest } = o;
    const mentionId = eventId !== null ? (mentionIds.get(eventId) ?? null) : null;
    stored.push({
      documentId: doc.id,
      kind: 'ordinal',
      data: { ...rest, mentionId } satisfies StoredOrdinal,
      evidence,
    });
    rankGroups.push(`rank:${rankGroupOf(o)}`);
  }
  for (const d of claims?.durations ?? []) {
    const { evidence, ...rest } = d;
    stored.push({ documentId: doc.id, kind: 'duration', data: rest, evidence });
  }
  for (const p of claims?.periodStarts ?? []) {
    const { evidence, ...rest } = p;
    stored.push({ documentId: doc.id, kind: 'period', data: rest, evidence });
  }
  const subjects = new Map<number, { about: string | null; part: boolean }>();
  for (const s of claims?.subjects ?? []) {
    // `#N` names a stored figure id (claims read back from the store), else an extraction id.
    const id = s.figureId.startsWith('#') ? Number(s.figureId.slice(1)) : figureIds.get(s.figureId);
    if (id === undefined) continue;
    subjects.set(id, { about: s.about, part: s.part });
  }
  const figures = listFigures(db, { documentId: doc.id });
  for (const f of figures) {
    const about = subjects.get(f.id);
    if (about)
      stored.push({
        documentId: doc.id,
        kind: 'subject',
        data: { figureId: f.id, ...about },
        evidence: f.evidence,
      });
  }
  const claimIds = insertClaims(db, doc.id, CLAIM_VERSION, stored);
  stored.forEach((c, i) => {
    if (c.kind === 'ordinal')
      inputs.push({
        grp: rankGroups.shift()!,
        kind: 'claim',
        ref: claimIds[i]!,
        documentId: doc.id,
      });
  });
  for (const m of mentions) {
    for (const grp of dateScopes(m))
      inputs.push({ grp, kind: 'mention', ref: m.mentionId, documentId: doc.id });
  }
  for (const f of figures) inputs.push(...figureInputs(doc.id, f, subjects.get(f.id) ?? null));
  replaceConflictInputs(db, doc.id, inputs);
  const touched = scopesTouchedBy(
    db,
    doc.id,
    fresh && {
      groups: [...new Set(inputs.map((i) => i.grp))],
      events: [...new Set(fresh.map((w) => w.eventId))],
    },
  );
  if (later) for (const g of touched) later.add(g);
  else refreshScopes(db, touched, now);
}

/**
 * The groups whose conflicts a document can change: its own inputs' groups, its events, the
 * date groups of every mention of its events (a document reporting two events tells them apart),
 * and its own arithmetic. Read before a document is removed, detected again after.
 */
export function scopesTouchedBy(
  db: Db,
  documentId: string,
  known?: { groups: string[]; events: number[] } | null,
): string[] {
  const events = known?.events ?? eventsOfDocumentMentions(db, documentId);
  const scopes = new Set(known?.groups ?? inputGroupsOfDocument(db, documentId));
  for (const e of events) scopes.add(`event:${e}`);
  for (const m of datedMentionFactsOfEvents(db, events))
    for (const g of dateScopes(m)) scopes.add(g);
  scopes.add(`doc:${documentId}`);
  return [...scopes].sort();
}

/** The groups of the given events: each one's own, and the date groups of its mentions. */
export function scopesOfEvents(db: Db, eventIds: number[]): string[] {
  const scopes = new Set(eventIds.map((e) => `event:${e}`));
  for (const m of datedMentionFactsOfEvents(db, eventIds))
    for (const g of dateScopes(m)) scopes.add(g);
  return [...scopes].sort();
}

// Whether two dates neither of which holds the other are among `dates` (`eventDateConflicts`).
function eventDatesClash(dates: string[]): boolean {
  const read = dates.filter((d) => dateBounds(d));
  for (let i = 0; i < read.length; i++)
    for (let j = i + 1; j < read.length; j++) if (!datesCompatible(read[i]!, read[j]!)) return true;
  return false;
}

/**
 * Whether two events of a date group, each in a document without the other, have dates neither
 * of which holds the other within `NEAR_DAYS`: what `crossEventDateConflicts` needs to find any
 * conflict (`sameEvent` calls only such dates a conflict). Most groups have none, known without
 * reading their mentions whole.
 */
function nearDatesApart(rows: { e: number; d: string; t: string }[]): boolean {
  const dated = rows
    .map((r) => ({ ...r, b: dateBounds(r.t)! }))
    .filter((r) => r.b)
    .sort((x, y) => (x.b[0] < y.b[0] ? -1 : x.b[0] > y.b[0] ? 1 : 0));
  for (let i = 0; i < dated.length; i++) {
    for (let j = i + 1; j < dated.length; j++) {
      const a = dated[i]!;
      const b = dated[j]!;
      const gap = dateGap(a.t, b.t) ?? Infinity;
      if (gap > NEAR_DAYS && b.b[0] > a.b[1]) break;
      if (a.e !== b.e && a.d !== b.d && gap <= NEAR_DAYS && !datesCompatible(a.t, b.t)) return true;
    }
  }
  return false;
}

/** The conflicts of one group, from what is stored now. */
export function detectScope(db: Db, scope: string): Conflict[] {
  const colon = scope.indexOf(':');
  const kind = scope.slice(0, colon);
  const rest = scope.slice(colon + 1);
  switch (kind) {
    case 'event':
      // Most events have no two dates apart: known from their distinct dates, without reading
      // each mention.
      return eventDatesClash(datesOfEvent(db, Number(rest)))
        ? eventDateConflicts(mentionsOfEvent(db, Number(rest)))
        : [];
    case 'dates': {
      if (!nearDatesApart(datesOfGroup(db, scope))) return [];
      return crossEventDateConflicts(mentionsOfGroup(db, scope), (x, y) =>
        eventsShareDocument(db, x, y),
      );
    }
    case 'rank':
      return ordinalConflicts(
        claimsOfGroup(db, scope).map((c) => {
          const o = c.data as StoredOrdinal;
          return {
            documentId: c.documentId,
            documentTitle: c.documentTitle,
            evidence: c.evidence,
            eventId: c.eventId,
            holder: o.holder,
            rank: o.rank,
            of: o.of,
            predicate: o.predicate,
            verb: o.verb,
            objects: o.objects,
            after: o.after,
          };
        }),
      );
    case 'figure':
      return figureConflicts(figuresOfGroup(db, scope));
    case 'doc': {
      const durations: DurationRecord[] = [];
      const starts: PeriodStartRecord[] = [];
      for (const c of claimsOfDocument(db, rest, ['duration', 'period'])) {
        const origin = {
          documentId: c.documentId,
          documentTitle: c.documentTitle,
          evidence: c.evidence,
        };
        if (c.kind === 'duration')
          durations.push({
            ...origin,
            ...(c.data as Omit<DurationRecord, keyof typeof ORIGIN_KEYS>),
          });
        else
          starts.push({
            ...origin,
            ...(c.data as Omit<PeriodStartRecord, keyof typeof ORIGIN_KEYS>),
          });
      }
      return arithmeticConflicts(durations, starts);
    }
    default:
      return [];
  }
}

/**
 * Detects the given groups again and stores what they hold now. A conflict is every part of it
 * found in any group, merged (`mergeConflicts`): so a conflict these groups find, or found
 * before, is merged with its parts in the other groups it was found in (detected again too), and
 * what is stored is what detecting every group at once gives, whatever the order of the writes.
 */
export function refreshScopes(
  db: Db,
  scopes: Iterable<string>,
  now = new Date().toISOString(),
): void {
  const found = new Map<string, Conflict[]>();
  const detect = (scope: string) => {
    if (!found.has(scope)) found.set(scope, detectScope(db, scope));
  };
  const keys = new Set<string>();
  for (const scope of scopes) {
    detect(scope);
    for (const c of found.get(scope)!) keys.add(c.key);
    for (const k of conflictKeysOfScope(db, scope)) keys.add(k);
  }
  if (!keys.size) return;
  // Groups not given are unchanged: what they found is what they are linked to.
  for (const k of keys) for (const scope of scopesOfConflictKey(db, k)) detect(scope);
  const parts = new Map<string, { conflicts: Conflict[]; scopes: Set<string> }>();
  for (const [scope, conflicts] of found) {
    for (const c of conflicts) {
      if (!keys.has(c.key)) continue;
      let p = parts.get(c.key);
      if (!p) parts.set(c.key, (p = { conflicts: [], scopes: new Set() }));
      p.conflicts.push(c);
      p.scopes.add(scope);
    }
  }
  for (const k of [...keys].sort()) {
    const p = parts.get(k);
    writeConflict(
      db,
      k,
      p ? mergeConflicts(p.conflicts)[0]! : null,
      [...(p?.scopes ?? [])].sort(),
      now,
    );
  }
}

/**
 * Reads the claims of text documents stored without them (a store from before claims were kept
 * at ingest), a `batch` at a time, each batch in one transaction; returns how many were read.
 */
export function backfillConflicts(db: Db, batch = 200): number {
  let n = regroupFigures(db, batch);
  for (;;) {
    const docs = documentsWithoutClaims(db, CLAIM_VERSION, batch);
    if (!docs.length) return n;
    db.transaction(() => {
      for (const d of docs) indexDocumentConflicts(db, { ...d, kind: 'text' }, null);
    }).immediate();
    n += docs.length;
  }
}

/**
 * Groups again, from their stored figures and subject claims, the figures of documents stored
 * before migration 0010 (one group per measure, unit and actor), a `batch` of documents per
 * transaction, and detects the groups they left and joined; returns how many documents.
 */
export function regroupFigures(db: Db, batch = 200): number {
  let n = 0;
  for (;;) {
    const docs = documentsToRegroupFigures(db, batch);
    if (!docs.length) return n;
    db.transaction(() => {
      const scopes = new Set<string>();
      for (const id of docs) {
        const subjects = figureSubjects(db, id);
        const rows = listFigures(db, { documentId: id }).flatMap((f) =>
          figureInputs(id, f, subjects.get(f.id) ?? null),
        );
        for (const g of replaceFigureInputs(db, id, rows)) scopes.add(g);
        for (const r of rows) scopes.add(r.grp);
      }
      refreshScopes(db, [...scopes].sort());
    }).immediate();
    n += docs.length;
  }
}

/** Detects every group again (`ties conflicts --rescan`): what ingest keeps up to date, rebuilt. */
export function redetectAll(db: Db, now?: string): number {
  const scopes = allScopes(db);
  db.transaction(() => refreshScopes(db, scopes, now)).immediate();
  return scopes.length;
}
