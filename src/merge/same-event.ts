// Whether two mentions (from one document or from several) state the same real event.
// A pure function: the store selects candidates, this decides, and says why.

/** What the merge needs to know of one mention of an event. */
export interface MentionFacts {
  type: string;
  /** Contract date string, or null when undated. */
  date: string | null;
  /** Every participant's code. */
  actors: string[];
  source: string | null;
  target: string | null;
  evidenceText: string | null;
}

/** The decision, with the reasons a person can read (`ties explain`). */
export interface SameEventVerdict {
  same: boolean;
  score: number;
  reasons: string[];
}

/** `[first, last]` days of a contract date string, or null. */
export function dateBounds(date: string | null): [string, string] | null {
  if (!date) return null;
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

const key = (codes: string[]) => [...new Set(codes)].sort().join('+');

/** Decides whether `a` and `b` are mentions of one event. */
export function sameEvent(a: MentionFacts, b: MentionFacts): SameEventVerdict {
  const reasons: string[] = [];
  if (a.type !== b.type) return { same: false, score: 0, reasons: [`types differ: ${a.type} vs ${b.type}`] };
  reasons.push(`same type ${a.type}`);
  if (key(a.actors) !== key(b.actors)) {
    return { same: false, score: 0, reasons: [...reasons, `participants differ: ${key(a.actors)} vs ${key(b.actors)}`] };
  }
  reasons.push(`same participants ${key(a.actors)}`);
  if (!a.date || !b.date) {
    // An undated mention joins a dated one only through the store's within-document grouping;
    // across documents it stays apart, since nothing ties it to that date.
    const both = !a.date && !b.date;
    return both
      ? { same: true, score: 0.6, reasons: [...reasons, 'both undated'] }
      : { same: false, score: 0.3, reasons: [...reasons, 'one is dated, the other is not'] };
  }
  if (!datesCompatible(a.date, b.date)) {
    return { same: false, score: 0.2, reasons: [...reasons, `dates incompatible: ${a.date} vs ${b.date}`] };
  }
  reasons.push(`dates compatible: ${a.date} ~ ${b.date}`);
  return { same: true, score: 0.9, reasons };
}
