// Days as integers (days since 1970-01-01, UTC) so the timeline can place dates of any
// precision, before 1970 too, without time zones getting in the way.

const MS_PER_DAY = 86_400_000;
/** English month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The day number of `YYYY-MM-DD`, or null when it is not one. */
export function dayOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = /^(-?\d{1,4})-(\d\d)-(\d\d)$/.exec(iso);
  if (!m) return null;
  return dayOfYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** The day number of `year`-`month`-`day` (0-based month; overflow carries: month 12 is next January). */
export function dayOfYear(year: number, month = 0, day = 1): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not, and carries month overflow.
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Calendar parts of a day number. */
export function partsOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  const p = partsOf(day);
  return `${String(p.year).padStart(4, '0')}-${String(p.month + 1).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** A month's English name (0-based). */
export function monthName(month: number, short = false): string {
  const name = MONTHS[month] ?? '';
  return short ? name.slice(0, 3) : name;
}

function formatPoint(s: string): string {
  const m = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?$/.exec(s);
  if (!m) return s;
  const [, y, mo, d] = m;
  if (d && mo) return `${Number(d)} ${monthName(Number(mo) - 1)} ${y}`;
  if (mo) return `${monthName(Number(mo) - 1)} ${y}`;
  return y ?? s;
}

/** A contract date ("1991-12-12", "2003-05", "1920/1929") in words, at its own precision. */
export function formatDate(date: string | null): string {
  if (!date) return 'undated';
  const [a, b] = date.split('/');
  if (!a) return date;
  if (!b) return formatPoint(a);
  const decade = /^(\d{3})0$/.exec(a);
  if (decade && b === `${decade[1]}9`) return `the ${a}s`;
  return `${formatPoint(a)} – ${formatPoint(b)}`;
}

/** How precise a contract date is, for the card. */
export function precisionOf(date: string | null): string {
  if (!date) return 'no date in the text';
  const first = date.split('/')[0] ?? '';
  const kind = first.length === 10 ? 'day' : first.length === 7 ? 'month' : 'year';
  return date.includes('/') ? `interval, ${kind} precision` : `${kind} precision`;
}
