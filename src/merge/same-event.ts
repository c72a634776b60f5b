// Whether two mentions (from one document or from several) state the same real event.
// A pure function: the store selects candidates, this decides, and says why. It never merges
// across a disagreement silently: when it merges two mentions whose dates disagree it says so
// in `conflict`, and the conflict detector reports it.
import type { PloverType } from '../extract/types.ts';
import { domains, namedPeople, wordingSimilarity } from './wording.ts';

/** What the merge needs to know of one mention of an event. */
export interface MentionFacts {
  type: PloverType;
  /** Contract date string, or null when undated. */
  date: string | null;
  /** Every participant's code. */
  actors: string[];
  source: string | null;
  target: string | null;
  evidenceText: string | null;
  /** The source's and target's text as written ("Nawaz Sharif", "Pakistan"), when known. */
  sourceText?: string | null;
  targetText?: string | null;
}

/** The decision, with the reasons a person can read (`ties explain`). */
export interface SameEventVerdict {
  same: boolean;
  score: number;
  reasons: string[];
  /** Set when the mentions are merged although they disagree (on the date). */
  conflict?: 'date';
  /** The more precise of two compatible dates: what the merged event should carry. */
  refinedDate?: string | null;
  /** Set when the mentions are apart for a reason no other mention of the event can outweigh. */
  hard?: boolean;
}

// Conflict detection and the merge ask for the bounds of the same few thousand date strings
// again and again (a figure group compares each pair): each is parsed once.
const BOUNDS_LIMIT = 100_000;
const boundsOf = new Map<string, readonly [string, string] | null>();

/** `[first, last]` days of a contract date string, or null. Shared: never modified. */
export function dateBounds(date: string | null): readonly [string, string] | null {
  if (!date) return null;
  let b = boundsOf.get(date);
  if (b === undefined) {
    if (boundsOf.size >= BOUNDS_LIMIT) boundsOf.clear();
    boundsOf.set(date, (b = parseBounds(date)));
  }
  return b;
}

function parseBounds(date: string): readonly [string, string] | null {
  const parts = date.split('/');
  if (parts.length === 2) {
    const a = dateBounds(parts[0] ?? null);
    const b = dateBounds(parts[1] ?? null);
    return a && b ? [a[0], b[1]] : null;
  }
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return [`${y}-${mo}-${d}`, `${y}-${mo}-${d}`];
  if (mo) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return [`${y}-${mo}-01`, `${y}-${mo}-${String(last).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

/** True when one date interval contains the other (a vaguer date refines to a precise one). */
export function datesCompatible(a: string | null, b: string | null): boolean {
  const x = dateBounds(a);
  const y = dateBounds(b);
  if (!x || !y) return !x && !y;
  const aInB = x[0] >= y[0] && x[1] <= y[1];
  const bInA = y[0] >= x[0] && y[1] <= x[1];
  return aInB || bInA;
}

const DAY = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Days between two date intervals (0 when they touch or overlap), or null when either is undated. */
export function dateGap(a: string | null, b: string | null): number | null {
  const x = dateBounds(a);
  const y = dateBounds(b);
  if (!x || !y) return null;
  if (x[1] < y[0]) return days(y[0]) - days(x[1]);
  if (y[1] < x[0]) return days(x[0]) - days(y[1]);
  return 0;
}

/** Of two compatible dates, the narrower one ("1991" and "1991-12-12" give "1991-12-12"). */
export function refineDate(a: string | null, b: string | null): string | null {
  const x = dateBounds(a);
  const y = dateBounds(b);
  if (!x) return b;
  if (!y) return a;
  return days(x[1]) - days(x[0]) <= days(y[1]) - days(y[0]) ? a : b;
}

const key = (codes: string[]) => [...new Set(codes)].sort().join('+');

/** Two mentions this many days apart may be one event misdated by a source; further apart, two. */
export const NEAR_DAYS = 7;
// Wording this alike (content-word Jaccard) is one statement of one event, reworded.
const SAME_WORDING = 0.35;
// Below this, two undated mentions share too little to be called one event.
const UNDATED_WORDING = 0.25;

function participants(a: MentionFacts, b: MentionFacts): string | null {
  const x = new Set(a.actors);
  const y = new Set(b.actors);
  if (key(a.actors) === key(b.actors)) return null;
  // A multilateral event may be reported with fewer of its participants.
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  const contained = [...small].every((c) => big.has(c));
  return contained && small.size >= 2
    ? null
    : `participants differ: ${key(a.actors)} vs ${key(b.actors)}`;
}

// The store compares each new mention with every stored mention of its candidate events: the
// same evidence texts come back for every candidate, and their regex scans cost more than the rest
// of the decision. Results are kept per text (bounded) and never mutated.
const CACHE_LIMIT = 20_000;
function memo(
  scan: (text: string | null) => Set<string>,
): (text: string | null | undefined) => ReadonlySet<string> {
  const cache = new Map<string, Set<string>>();
  const none = new Set<string>();
  return (text) => {
    if (!text) return none;
    let found = cache.get(text);
    if (!found) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, (found = scan(text)));
    }
    return found;
  };
}
const peopleIn = memo(namedPeople);
const domainsIn = memo(domains);

function people(m: MentionFacts): ReadonlySet<string> {
  const own = peopleIn(m.evidenceText);
  const source = peopleIn(m.sourceText);
  const target = peopleIn(m.targetText);
  if (!source.size && !target.size) return own;
  return new Set([...own, ...source, ...target]);
}

/** Decides whether `a` and `b` are mentions of one event. */
export function sameEvent(a: MentionFacts, b: MentionFacts): SameEventVerdict {
  const reasons: string[] = [];
  const no = (score: number, why: string, hard = false): SameEventVerdict => ({
    same: false,
    score,
    reasons: [...reasons, why],
    ...(hard ? { hard } : {}),
  });
  if (a.type !== b.type) return no(0, `types differ: ${a.type} vs ${b.type}`, true);
  reasons.push(`same type ${a.type}`);
  const actorClash = participants(a, b);
  if (actorClash) return no(0, actorClash, true);
  reasons.push(
    `same participants ${key(a.actors.length >= b.actors.length ? a.actors : b.actors)}`,
  );
  if (a.source && a.target && b.source && b.target && a.source !== a.target) {
    if (a.source === b.target && a.target === b.source)
      return no(0.1, `directions differ: ${a.source}→${a.target} vs ${b.source}→${b.target}`, true);
  }
  const pa = people(a);
  const pb = people(b);
  if (pa.size && pb.size && ![...pa].some((p) => pb.has(p))) {
    return no(0.1, `different people: ${[...pa].join(', ')} vs ${[...pb].join(', ')}`, true);
  }
  const da = domainsIn(a.evidenceText);
  const db = domainsIn(b.evidenceText);
  if (da.size && db.size && ![...da].some((d) => db.has(d))) {
    return no(0.1, `different domains: ${[...da].join(', ')} vs ${[...db].join(', ')}`, true);
  }
  // Without both evidence texts (the store compares a mention with an event row) wording is
  // unknown: neither for nor against.
  const known = !!a.evidenceText && !!b.evidenceText;
  const sim = known ? wordingSimilarity(a.evidenceText, b.evidenceText) : 0.5;
  const wording = known ? `wording overlap ${sim.toFixed(2)}` : 'wording not compared';

  if (!a.date || !b.date) {
    // An undated mention joins a dated one only through the store's within-document grouping;
    // across documents it stays apart, since nothing ties it to that date.
    if (a.date || b.date) return no(0.3, `one is dated, the other is not (${wording})`);
    if (sim < UNDATED_WORDING) return no(0.3, `both undated and worded differently (${wording})`);
    return {
      same: true,
      score: 0.5 + sim / 2,
      reasons: [...reasons, `both undated, ${wording}`],
      refinedDate: null,
    };
  }
  if (datesCompatible(a.date, b.date)) {
    reasons.push(`dates compatible: ${a.date} ~ ${b.date}`);
    const refinedDate = refineDate(a.date, b.date);
    if (refinedDate !== a.date || refinedDate !== b.date)
      reasons.push(`date refined to ${refinedDate}`);
    return {
      same: true,
      score: Math.min(1, 0.75 + sim / 4),
      reasons: [...reasons, wording],
      refinedDate,
    };
  }
  const gap = dateGap(a.date, b.date) ?? Infinity;
  if (known && gap <= NEAR_DAYS && sim >= SAME_WORDING) {
    // Merged so that the disagreement is shown on one event instead of two near-identical ones.
    return {
      same: true,
      score: 0.5 + sim / 4,
      reasons: [
        ...reasons,
        `dates disagree: ${a.date} vs ${b.date} (${gap} days apart) but ${wording}: one event, conflicting dates`,
      ],
      conflict: 'date',
      refinedDate: null,
    };
  }
  return no(0.2, `dates incompatible: ${a.date} vs ${b.date} (${wording})`);
}

/**
 * Whether `m` is a mention of the stored event whose mentions are `event`: the best verdict
 * against any of them, unless one of them is a different event for a hard reason (other
 * people, other direction, other domain). With no mentions, `fallback` (the event row) decides.
 */
export function sameEventAsMentions(
  m: MentionFacts,
  event: MentionFacts[],
  fallback: MentionFacts,
): SameEventVerdict {
  if (!event.length) return sameEvent(m, fallback);
  const verdicts = event.map((e) => sameEvent(m, e));
  const veto = verdicts.find((v) => v.hard);
  if (veto) return veto;
  return verdicts.reduce((best, v) => (v.same && (!best.same || v.score > best.score) ? v : best));
}
