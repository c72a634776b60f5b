// The merge's reads, kept in memory for one batch ingest: the events of each merge key (sorted
// pair, type, negation) with the statements of their mentions, read once per key and kept up to
// date by the ingest's own writes. Reading the candidates of every new mention from the database
// (a date-window query, then a query per candidate) cost more than storing the mention.
//
// The database stays the truth: the index is dropped whenever another connection has committed
// since the last batch (`PRAGMA data_version`) and when a batch fails and rolls back; the events
// a replaced document's removal deletes or recomputes are read again one by one.
import type { MentionFacts } from '../merge/same-event.ts';
import type { Db } from '../store/db.ts';
import { toDay } from '../store/days.ts';
import {
  eventsOfKey,
  keyEvent,
  mainPair,
  MERGE_MENTIONS,
  type EventRow,
  type MentionFields,
} from '../store/events.repo.ts';

interface Entry {
  event: EventRow;
  first: number | null;
  last: number | null;
  mentions: MentionFacts[];
  /** The (evidence, date, source, target) of each statement in `mentions`. */
  statements: Set<string>;
}

/** A new mention as the index reads it. */
type MentionKey = Pick<
  MentionFields,
  'type' | 'negated' | 'dateFirst' | 'dateLast' | 'source' | 'target' | 'actors'
>;

const statementOf = (m: MentionFacts) =>
  JSON.stringify([m.evidenceText, m.date, m.source, m.target]);

function keyOf(m: MentionKey) {
  const [actor1, actor2] = mainPair(m);
  return {
    actor1,
    actor2,
    type: m.type,
    negated: m.negated,
    id: `${actor1}\u0000${actor2 ?? ''}\u0000${m.type}\u0000${m.negated ? 1 : 0}`,
  };
}

/** The merge candidates of one batch ingest, in memory. */
export class MergeIndex {
  // Per key: its events in id order, or null when the key has too many to keep (read by window then).
  private readonly keys = new Map<string, Entry[] | null>();
  private readonly byId = new Map<number, Entry>();
  private version: number | null = null;

  /**
   * @param maxEvents events kept in all; past it the index starts over
   * @param maxPerKey a key with more events than this is left to the database's window query
   */
  constructor(
    private readonly maxEvents = 200_000,
    private readonly maxPerKey = 2_000,
  ) {}

  /** Called inside each write transaction before any read: drops everything if another connection wrote since. */
  sync(db: Db): void {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== this.version) this.clear();
    this.version = version;
  }

  /** Forgets every key (after a rollback, or a write the index does not follow). */
  clear(): void {
    this.keys.clear();
    this.byId.clear();
  }

  /**
   * The stored events a mention may merge into, with their statements, in id order (what
   * `candidateEvents` and `mentionFactsOfEvent` read); null when its key is left to the database.
   */
  candidates(db: Db, m: MentionKey): { event: EventRow; mentions: MentionFacts[] }[] | null {
    const entries = this.entries(db, m);
    if (!entries) return null;
    const first = toDay(m.dateFirst);
    const last = toDay(m.dateLast);
    if (first === null || last === null) return entries.filter((e) => e.first === null);
    return entries.filter(
      (e) => e.first !== null && e.last !== null && e.first <= last && e.last >= first,
    );
  }

  /**
   * Ids of the events of `m`'s key that are undated (`first` null) or meet the days
   * `[first, last]`; null when its key is left to the database.
   */
  meeting(db: Db, m: MentionKey, first: number | null, last: number | null): number[] | null {
    const entries = this.entries(db, m);
    if (!entries) return null;
    const out: number[] = [];
    for (const e of entries) {
      const meets =
        first === null || last === null
          ? e.first === null
          : e.first !== null && e.last !== null && e.first <= last && e.last >= first;
      if (meets) out.push(e.event.id);
    }
    return out;
  }

  private entries(db: Db, m: MentionKey): Entry[] | null {
    const key = keyOf(m);
    let entries = this.keys.get(key.id);
    if (entries !== undefined) return entries;
    if (this.byId.size >= this.maxEvents) this.clear();
    const read = eventsOfKey(db, key, this.maxPerKey);
    entries = read ? read.map(({ event, mentions }) => this.remember(event, mentions)) : null;
    this.keys.set(key.id, entries);
    return entries;
  }

  private remember(event: EventRow, mentions: MentionFacts[]): Entry {
    const entry: Entry = {
      event,
      first: toDay(event.dateFirst),
      last: toDay(event.dateLast),
      mentions,
      statements: new Set(mentions.map(statementOf)),
    };
    this.byId.set(event.id, entry);
    return entry;
  }

  /**
   * Events deleted or recomputed behind the index's back (a replaced document's): each is read
   * again from the store, or forgotten when gone, and kept in id order under its (maybe new) key.
   */
  refresh(db: Db, eventIds: number[]): void {
    for (const id of eventIds) {
      const entry = this.byId.get(id);
      if (entry) {
        this.byId.delete(id);
        const list = this.keys.get(keyOf(entry.event).id);
        const at = list ? list.indexOf(entry) : -1;
        if (at >= 0) list!.splice(at, 1);
      }
      const fresh = keyEvent(db, id);
      if (!fresh) continue;
      const list = this.keys.get(keyOf(fresh.event).id);
      // A key not read yet is read whole, this event included, when first asked for.
      if (!list) continue;
      const next = list.findIndex((e) => e.event.id > id);
      list.splice(next < 0 ? list.length : next, 0, this.remember(fresh.event, fresh.mentions));
    }
  }

  /** A new event stored with its first mention. */
  created(event: EventRow, mention: MentionFacts): void {
    const entries = this.keys.get(keyOf(event).id);
    // A key not read yet is read whole (this event included) when first asked for.
    if (entries) entries.push(this.remember(event, [mention]));
  }

  /** A mention stored into an existing event, after the event's date and counts were updated as given. */
  merged(
    eventId: number,
    mention: MentionFacts,
    event: Pick<EventRow, 'date' | 'dateFirst' | 'dateLast' | 'mentionCount' | 'confidence'>,
  ): void {
    const entry = this.byId.get(eventId);
    if (!entry) return;
    Object.assign(entry.event, event);
    entry.first = toDay(event.dateFirst);
    entry.last = toDay(event.dateLast);
    const statement = statementOf(mention);
    if (entry.mentions.length < MERGE_MENTIONS && !entry.statements.has(statement)) {
      entry.mentions.push(mention);
      entry.statements.add(statement);
    }
  }
}
