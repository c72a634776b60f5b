// The view's state lives in the URL so a view can be shared and reloaded: every control writes
// here, and `readState` is the only place that parses it.

/** Everything that decides what the page shows. */
export interface ViewState {
  /** First actor code; empty means "pick the most active pair". */
  a: string;
  b: string;
  types: string[];
  quads: string[];
  /** Years, inclusive. */
  from: string;
  to: string;
  doc: string;
  q: string;
  /** The selected event. */
  ev: string;
  /** The visible time window as `YYYY-MM-DD,YYYY-MM-DD`; empty fits all events. */
  zoom: string;
}

const LIST_KEYS = new Set<keyof ViewState>(['types', 'quads']);
const PARAM: Record<keyof ViewState, string> = {
  a: 'a',
  b: 'b',
  types: 'type',
  quads: 'quad',
  from: 'from',
  to: 'to',
  doc: 'doc',
  q: 'q',
  ev: 'event',
  zoom: 'zoom',
};

/** An empty state: the default view. */
export function emptyState(): ViewState {
  return { a: '', b: '', types: [], quads: [], from: '', to: '', doc: '', q: '', ev: '', zoom: '' };
}

/** Parses a query string into a state; unknown parameters are ignored. */
export function readState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const s = emptyState();
  for (const key of Object.keys(PARAM) as (keyof ViewState)[]) {
    const v = p.get(PARAM[key]) ?? '';
    if (LIST_KEYS.has(key)) (s[key] as string[]) = v ? v.split(',').filter(Boolean) : [];
    else (s[key] as string) = v.trim();
  }
  s.a = s.a.toUpperCase();
  s.b = s.b.toUpperCase();
  s.types = s.types.map((t) => t.toUpperCase());
  if (!/^\d{1,4}$/.test(s.from)) s.from = '';
  if (!/^\d{1,4}$/.test(s.to)) s.to = '';
  return s;
}

/** The query string of a state, without empty parameters. */
export function writeState(s: ViewState): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof ViewState)[]) {
    const v = s[key];
    const str = Array.isArray(v) ? v.join(',') : v;
    if (str) p.set(PARAM[key], str);
  }
  const qs = p.toString().replaceAll('%2C', ',');
  return qs ? `?${qs}` : '';
}

/** The query of `GET /api/export` for a view: its pair and every filter the event list applies. */
export function exportQuery(s: ViewState, format: string): URLSearchParams {
  const q = new URLSearchParams({ format, a: s.a });
  if (s.b) q.set('b', s.b);
  if (s.types.length) q.set('type', s.types.join(','));
  if (s.quads.length) q.set('quad', s.quads.join(','));
  if (s.from) q.set('from', s.from);
  if (s.to) q.set('to', s.to);
  if (s.doc) q.set('doc', s.doc);
  if (s.q.trim()) q.set('q', s.q.trim());
  return q;
}
