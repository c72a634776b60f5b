// Calendar values: an inclusive range of days with the precision of its ends, the contract's
// string form, and the arithmetic the discourse resolver needs. Dates are plain `YYYY-MM-DD`
// strings; arithmetic goes through UTC day numbers so no time zone can shift a day.
import type { DateValue, Precision } from '../types.ts';

/** A calendar day as numbers (month 1–12). */
export interface Day {
  y: number;
  m: number;
  d: number;
}

/** A unit an expression counts in; weeks, decades and centuries are multiples of these. */
export type Unit = 'day' | 'week' | 'month' | 'year' | 'decade' | 'century';

const FINENESS: Record<Precision, number> = { day: 0, month: 1, year: 2 };

/** The precision a count of `unit`s is stated at. */
export function unitPrecision(unit: Unit): Precision {
  return unit === 'day' || unit === 'week' ? 'day' : unit === 'month' ? 'month' : 'year';
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a day. */
function dayString(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m, 2)}-${pad(day.d, 2)}`;
}

/** Days in month `m` (1–12) of year `y`, proleptic Gregorian. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when y-m-d is a real calendar day in years 1–9999. */
export function isValidDay(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Parses `YYYY-MM-DD` (a real day) or returns null. */
export function parseDay(s: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(day.y, day.m, day.d) ? day : null;
}

function toEpochDay(day: Day): number {
  const t = new Date(0);
  t.setUTCFullYear(day.y, day.m - 1, day.d);
  return Math.round(t.getTime() / 86_400_000);
}

function fromEpochDay(n: number): Day {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The day `n` days after `day` (before, for negative `n`). */
export function addDays(day: Day, n: number): Day {
  return fromEpochDay(toEpochDay(day) + n);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(day) + 3) % 7) + 7) % 7) + 1;
}

/** Shifts a month by `n` months: [year, month]. */
function addMonths(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12) + 1];
}

/** The years `y1` to `y2`, year precision. */
export function yearValue(y1: number, y2 = y1): DateValue {
  return {
    first: dayString({ y: y1, m: 1, d: 1 }),
    last: dayString({ y: y2, m: 12, d: 31 }),
    precision: 'year',
  };
}

/** The months `y1-m1` to `y2-m2`, month precision. */
export function monthValue(y1: number, m1: number, y2 = y1, m2 = m1): DateValue {
  return {
    first: dayString({ y: y1, m: m1, d: 1 }),
    last: dayString({ y: y2, m: m2, d: daysInMonth(y2, m2) }),
    precision: 'month',
  };
}

/** The days `a` to `b` (default: the one day `a`), day precision. */
export function dayValue(a: Day, b: Day = a): DateValue {
  return { first: dayString(a), last: dayString(b), precision: 'day' };
}

/** The value `v` at a coarser precision `p` (unchanged when `p` is not coarser). */
export function coarsen(v: DateValue, p: Precision): DateValue {
  if (FINENESS[p] <= FINENESS[v.precision]) return v;
  const a = parseDay(v.first)!;
  const b = parseDay(v.last)!;
  return p === 'year' ? yearValue(a.y, b.y) : monthValue(a.y, a.m, b.y, b.m);
}

/** `v` moved by `n` steps of its own precision (both ends). */
function shiftAtPrecision(v: DateValue, n: number): DateValue {
  const a = parseDay(v.first)!;
  const b = parseDay(v.last)!;
  if (v.precision === 'year') return yearValue(a.y + n, b.y + n);
  if (v.precision === 'month') {
    const [y1, m1] = addMonths(a.y, a.m, n);
    const [y2, m2] = addMonths(b.y, b.m, n);
    return monthValue(y1, m1, y2, m2);
  }
  return dayValue(addDays(a, n), addDays(b, n));
}

/** How many steps of its precision one `unit` is. */
function stepsPerUnit(unit: Unit): number {
  switch (unit) {
    case 'week':
      return 7;
    case 'decade':
      return 10;
    case 'century':
      return 100;
    default:
      return 1;
  }
}

/**
 * `n` units after `reference` (before, for negative `n`), at the precision both support:
 * "a year later" after 1991-12-12 is 1992; "two days later" after February 1999 stays
 * 1999-02, because a finer shift of a coarse value would invent precision.
 */
export function shiftBy(reference: DateValue, n: number, unit: Unit): DateValue {
  const p = unitPrecision(unit);
  if (FINENESS[p] < FINENESS[reference.precision]) return reference;
  let v = coarsen(reference, p);
  const steps = stepsPerUnit(unit);
  // A stretch longer than the unit ("two years after" a 1998–2000 war) is counted from its end,
  // or from its start when counting back; one that fits ("a decade later" than the 1920s) moves whole.
  if (lengthOf(v) > steps)
    v = n >= 0 ? { ...v, first: startOfLast(v) } : { ...v, last: endOfFirst(v) };
  return shiftAtPrecision(v, n * steps);
}

/** How many steps of its precision a value spans. */
function lengthOf(v: DateValue): number {
  const a = parseDay(v.first)!;
  const b = parseDay(v.last)!;
  if (v.precision === 'year') return b.y - a.y + 1;
  if (v.precision === 'month') return (b.y - a.y) * 12 + b.m - a.m + 1;
  return toEpochDay(b) - toEpochDay(a) + 1;
}

/** The first day of the last step of a value (its last year, month or day). */
function startOfLast(v: DateValue): string {
  const b = parseDay(v.last)!;
  return dayString(
    v.precision === 'year' ? { y: b.y, m: 1, d: 1 } : v.precision === 'month' ? { ...b, d: 1 } : b,
  );
}

/** The last day of the first step of a value. */
function endOfFirst(v: DateValue): string {
  const a = parseDay(v.first)!;
  if (v.precision === 'year') return dayString({ y: a.y, m: 12, d: 31 });
  if (v.precision === 'month') return dayString({ ...a, d: daysInMonth(a.y, a.m) });
  return v.first;
}

/** The Monday-to-Sunday week that holds `day`, day precision. */
export function weekOf(day: Day): DateValue {
  const monday = addDays(day, 1 - isoWeekday(day));
  return dayValue(monday, addDays(monday, 6));
}

/**
 * The calendar week of a day read either way, as news writers do: the union of the Monday-start
 * and the Sunday-start week (GUIDELINES: "this week", "last week").
 */
export function eitherWeekOf(day: Day): DateValue {
  const monday = addDays(day, 1 - isoWeekday(day));
  const sunday = addDays(day, -(isoWeekday(day) % 7));
  const first =
    sunday.y * 400 + sunday.m * 32 + sunday.d < monday.y * 400 + monday.m * 32 + monday.d
      ? sunday
      : monday;
  const lastMon = addDays(monday, 6);
  const lastSun = addDays(sunday, 6);
  const last =
    lastSun.y * 400 + lastSun.m * 32 + lastSun.d > lastMon.y * 400 + lastMon.m * 32 + lastMon.d
      ? lastSun
      : lastMon;
  return dayValue(first, last);
}

/** The first day of a value. */
export function firstDay(v: DateValue): Day {
  return parseDay(v.first)!;
}

/** The last day of a value. */
export function lastDay(v: DateValue): Day {
  return parseDay(v.last)!;
}

/** The contract string of a value: "1991", "2003-05", "1991-12-12", "1920/1929", "1992-02-25/1992-02-26". */
export function formatDate(v: DateValue): string {
  const cut = v.precision === 'year' ? 4 : v.precision === 'month' ? 7 : 10;
  const a = v.first.slice(0, cut);
  const b = v.last.slice(0, cut);
  return a === b ? a : `${a}/${b}`;
}

/** One end of a contract string: its first and last day and its precision. */
function parseEnd(s: string): { first: Day; last: Day; precision: Precision } | null {
  let m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return y >= 1
      ? { first: { y, m: 1, d: 1 }, last: { y, m: 12, d: 31 }, precision: 'year' }
      : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (!isValidDay(y, mo, 1)) return null;
    return {
      first: { y, m: mo, d: 1 },
      last: { y, m: mo, d: daysInMonth(y, mo) },
      precision: 'month',
    };
  }
  const day = parseDay(s);
  return day ? { first: day, last: day, precision: 'day' } : null;
}

/** Parses a contract date string back to a DateValue (null if malformed). */
export function parseDate(s: string): DateValue | null {
  const parts = s.split('/');
  if (parts.length > 2) return null;
  const a = parseEnd(parts[0]!);
  const b = parts.length === 2 ? parseEnd(parts[1]!) : a;
  // Both ends share one precision in this model, and an interval runs forwards.
  if (!a || !b || a.precision !== b.precision) return null;
  const first = dayString(a.first);
  const last = dayString(b.last);
  if (first > last) return null;
  return { first, last, precision: a.precision };
}
