// Calendar days as integers (days since 1970-01-01, negative before): four bytes or fewer in a
// SQLite record instead of ten, and date order is integer order.

const MS_PER_DAY = 86_400_000;

/** The day number of an ISO `YYYY-MM-DD` (null passes through). Read by position: ingest converts dozens per document. */
export function toDay(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const dash = iso.indexOf('-', 1);
  const y = Number(iso.slice(0, dash));
  const m = Number(iso.slice(dash + 1, dash + 3));
  const d = Number(iso.slice(dash + 4, dash + 6));
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
  const ms = y >= 0 && y < 100 ? new Date(0).setUTCFullYear(y, m - 1, d) : Date.UTC(y, m - 1, d);
  return Math.round(ms / MS_PER_DAY);
}

// Listings convert the same few thousand days again and again (two per row): formatted once each.
const ISO_LIMIT = 100_000;
const isoDays = new Map<number, string>();

/** The ISO `YYYY-MM-DD` of a day number (null passes through). */
export function fromDay(day: number | null | undefined): string | null {
  if (day === null || day === undefined) return null;
  let iso = isoDays.get(day);
  if (iso === undefined) {
    if (isoDays.size >= ISO_LIMIT) isoDays.clear();
    isoDays.set(day, (iso = formatDay(day)));
  }
  return iso;
}

function formatDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  // Years before 1000 would print with fewer digits; the contract wants four.
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The date a range of days stands for when it is exactly one day, one calendar month or one
 * calendar year ("1991-12-12", "2003-05", "1995"); null for any other range. The compact
 * timeline leaves out the dates this gives back, and the page derives them with it.
 */
export function impliedDate(first: number, last: number): string | null {
  const a = fromDay(first)!;
  if (first === last) return a;
  const b = fromDay(last)!;
  const year = a.slice(0, -6);
  if (year !== b.slice(0, -6) || !a.endsWith('-01')) return null;
  if (a.endsWith('-01-01') && b.endsWith('-12-31')) return year;
  // One month: the same month, and the day after `last` is the first of the next.
  if (a.slice(0, -3) === b.slice(0, -3) && fromDay(last + 1)!.endsWith('-01'))
    return a.slice(0, -3);
  return null;
}
