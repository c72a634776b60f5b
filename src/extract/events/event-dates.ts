// Which of a clause's time mentions dates an event: the nearest one that no other trigger stands
// before, a fronted one for the whole clause, each of a coordinated list ("in 2015 and 2016").
import type { Evidence, TimeMention } from '../types.ts';

/** The time mentions of a clause with a value, nearest to the trigger first. */
export function datesFor(
  times: readonly TimeMention[],
  lo: number,
  hi: number,
  at: number,
): TimeMention[] {
  return times
    .filter((t) => t.value && t.start >= lo && t.end <= hi)
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at) || a.start - b.start);
}

/** "in 2015 and 2016": a list of dates joined by "and" or a comma, each its own event. */
export function coordinated(text: string, dates: readonly TimeMention[]): TimeMention[] | null {
  if (dates.length < 2) return null;
  const sorted = [...dates].sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) {
    const gap = text.slice(sorted[k - 1]!.end, sorted[k]!.start);
    if (!/^\s*(,|and|,\s*and|&)\s*$/.test(gap)) return null;
  }
  return sorted;
}

/** The most precise of several compatible dates; the nearest when they disagree. */
export function pickDate(dates: readonly TimeMention[]): TimeMention | null {
  const first = dates[0];
  if (!first) return null;
  const rank = { day: 3, month: 2, year: 1 } as const;
  let best = first;
  for (const d of dates.slice(1)) {
    const v = d.value!;
    const b = best.value!;
    const inside = v.first >= b.first && v.last <= b.last;
    if (inside && rank[v.precision] >= rank[b.precision]) best = d;
  }
  return best;
}

/**
 * "restored ties in July 2023, two years after Cairo expelled the ambassador": the clause a count
 * opens (`opensClause`) is dated by that count alone, not by a date before it.
 */
export function openedClause(
  times: readonly TimeMention[],
  trigger: Evidence,
  layout: SentenceLayout,
): TimeMention | null {
  return (
    times.find((o) => o.opensClause && o.value && opensOnto(o, trigger, layout.commas)) ?? null
  );
}

/** Whether the clause a count opens reaches the trigger: up to a comma, 80 characters at most. */
function opensOnto(d: TimeMention, trigger: Evidence, commas: readonly number[]): boolean {
  return (
    trigger.start >= d.end && !anyIn(commas, d.end, trigger.start) && trigger.start - d.end < 80
  );
}

/**
 * A date belongs to the nearest event: another trigger standing between them takes it, unless
 * the date is fronted at the clause's start ("In 2016, X visited Y and signed …").
 */
export function blocked(d: TimeMention, trigger: Evidence, layout: SentenceLayout): boolean {
  const { starts, commas } = layout;
  // "rejected the claim that Tuesday's attack …": a date in the genitive dates its own noun, the
  // trigger right after it ("Monday's testing"), and a verb whose object it opens ("welcomed
  // Tuesday's announcement" answers it), but nothing further in the sentence.
  if (
    d.possessive &&
    !(trigger.start >= d.end && trigger.start - d.end <= POSSESSIVE_REACH) &&
    !(d.start >= trigger.end && d.start - trigger.end <= 1)
  )
    return true;
  // "two days after Erdogan denounced Israel": the date of the clause it opens, up to a comma.
  if (d.opensClause && !opensOnto(d, trigger, commas)) return true;
  const firstTrigger = starts[0] ?? Infinity;
  if (d.end <= firstTrigger && anyIn(commas, d.end, firstTrigger)) return false;
  const lo = Math.min(d.end, trigger.start);
  const hi = Math.max(d.start, trigger.end);
  // A date after ", and" opens the next clause ("…, and in 2006 their presidents met"); one before
  // it may carry over ("… on Wednesday, and both sides agreed").
  if (d.start > trigger.end && anyIn(layout.clauseJoins, trigger.end, d.start)) return true;
  // Any other trigger start strictly inside (lo, hi)?
  let k = lowerBound(starts, lo + 1);
  while (k < starts.length && starts[k]! < hi) {
    if (starts[k] !== trigger.start) return true;
    k++;
  }
  return false;
}

/** How far after a date in the genitive its noun may start ("Tuesday's deadly attack"). */
const POSSESSIVE_REACH = 24;

/** Offsets of a sentence's kept triggers and commas, sorted, for the date rule. */
export interface SentenceLayout {
  starts: number[];
  commas: number[];
  /** Where ", and" joins two clauses: a later date does not reach back across it. */
  clauseJoins: number[];
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function anyIn(xs: readonly number[], from: number, to: number): boolean {
  const k = lowerBound(xs, from);
  return k < xs.length && xs[k]! < to;
}

// Words that may stand between a verb of saying and its date: "said on Tuesday", "told
// reporters Tuesday", "said in a statement on Thursday".
const SAYING_FILLER = new Set([
  'on',
  'in',
  'a',
  'an',
  'the',
  'its',
  'his',
  'her',
  'their',
  'statement',
  'reporters',
  'journalists',
  'lawmakers',
  'interview',
  'briefing',
  'late',
  'early',
  'earlier',
  'later',
  'news',
  'conference',
  ',',
]);

/**
 * The date of the saying that reports an act: "X said Tuesday that it would resume aid" and
 * "…, the ministry said in a statement Thursday" date the acts they report (the statement is
 * the act, or the news of it). `sayings` are the token indices of verbs of saying in the
 * sentence; the one nearest the trigger with a date next to it wins. A date more than a few
 * filler words from the verb belongs to something else.
 */
export function sayingDate(
  tokens: readonly { start: number; end: number; key: string }[],
  sayings: readonly number[],
  times: readonly TimeMention[],
  at: number,
): TimeMention | null {
  let best: TimeMention | null = null;
  let bestDistance = Infinity;
  for (const s of sayings) {
    if (s === at) continue;
    const date = adjacentDate(tokens, s, times);
    if (!date) continue;
    const distance = Math.abs(s - at);
    if (distance < bestDistance) {
      best = date;
      bestDistance = distance;
    }
  }
  return best;
}

/** The dates standing next to a verb of saying other than token `at` ("said on Sunday"). */
export function sayingDates(
  tokens: readonly { start: number; end: number; key: string }[],
  sayings: readonly number[],
  times: readonly TimeMention[],
  at: number,
): Set<TimeMention> {
  const out = new Set<TimeMention>();
  for (const s of sayings) {
    if (s === at) continue;
    const date = adjacentDate(tokens, s, times);
    if (date) out.add(date);
  }
  return out;
}

function adjacentDate(
  tokens: readonly { start: number; end: number; key: string }[],
  s: number,
  times: readonly TimeMention[],
): TimeMention | null {
  const verb = tokens[s]!;
  for (const t of times) {
    if (!t.value) continue;
    if (t.start >= verb.end) {
      // After the verb: only filler words between ("said on Tuesday", "said in a statement Thursday").
      const between = tokens.filter((k) => k.start >= verb.end && k.end <= t.start);
      if (between.length <= 5 && between.every((k) => SAYING_FILLER.has(k.key))) return t;
    } else if (t.end <= verb.start) {
      // Before it: "on Tuesday said", "Tuesday told".
      const between = tokens.filter((k) => k.start >= t.end && k.end <= verb.start);
      if (between.length === 0) return t;
    }
  }
  return null;
}
