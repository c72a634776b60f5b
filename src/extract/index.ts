// The extractor's public face: a document in, its events, prospects, figures and stances out.
import { TiesError } from '../errors.ts';
import { runPipeline, steps } from './pipeline.ts';
import type { TraceFn } from './events/build-events.ts';
import type { DocumentInput, Extraction } from './types.ts';
import { joinWindows, textWindows, WINDOW_CHARS, type TextWindow } from './windows.ts';
import { claimEventOf, findDocumentClaims, type DocumentClaims } from './claims/document-claims.ts';
import type { Evidence, ExtractedEvent, ExtractedFigure } from './types.ts';

export { readDocument, formatOf, type DocumentFormat, type ReadDocument } from './input/index.ts';
export type { TraceFn } from './events/build-events.ts';
export type { DocumentClaims } from './claims/document-claims.ts';

/** Options of `extract`. */
export interface ExtractOptions {
  /** Include the document text in `document.text`. */
  withText?: boolean;
  /** Receives the pipeline's trace lines (`ties extract --explain`). */
  trace?: TraceFn;
  /** Characters the pipeline reads at once; a longer text goes in windows (default `WINDOW_CHARS`). */
  windowChars?: number;
  /** Receives the claims conflict detection compares, read from the same layers. */
  claims?: (claims: DocumentClaims) => void;
}

// The steps of a window after the first: no dateline (the first window's stands for the text).
const laterSteps = steps.filter((s) => s.name !== 'dateline');

/** Extracts everything ties knows how to find from one document. */
export function extract(input: DocumentInput, options: ExtractOptions = {}): Extraction {
  const date = input.date ?? null;
  if (date !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) {
    throw new TiesError('INVALID', `the document date must be YYYY-MM-DD, not '${date}'`);
  }
  const text = input.text;
  const title = input.title ?? null;
  const window = options.windowChars ?? WINDOW_CHARS;
  // A long text in windows: the pipeline's peak memory follows the text it reads at once.
  const windows =
    text.length > window ? textWindows(text, window) : [{ leadIn: 0, start: 0, end: text.length }];
  // The document's date (given, or read from its dateline in the first window) dates every window;
  // a later window starts mid-text, where a line is no dateline.
  let documentDate = date;
  const parts = windows.map((w, i) => {
    if (windows.length > 1)
      options.trace?.(`window ${w.start}–${w.end} (lead-in from ${w.leadIn})`);
    const slice = windows.length > 1 ? text.slice(w.leadIn, w.end) : text;
    const s = runPipeline(
      { text: slice, title, date: documentDate, trace: options.trace },
      i ? laterSteps : steps,
    );
    documentDate = s.date;
    const claims = options.claims
      ? findDocumentClaims(
          s.text,
          s.sentences,
          { ...s, documentDate: s.date },
          s.events.map(claimEventOf),
          s.figures,
        )
      : null;
    return {
      events: s.events,
      prospects: s.prospects,
      figures: s.figures,
      stances: s.stances,
      diagnostics: s.diagnostics,
      claims,
    };
  });
  // The claims name events and figures by id: the objects, since joining windows renumbers them.
  const named = parts.map((p) => ({
    events: new Map(p.events.map((e) => [e.id, e])),
    figures: new Map(p.figures.map((f) => [f.id, f])),
  }));
  const { claims: _claims, ...alone } = parts[0]!;
  const found = windows.length > 1 ? joinWindows(windows, parts) : alone;
  if (options.claims) options.claims(joinClaims(windows, parts, named, found));
  return {
    document: {
      title,
      // The given date, or the one its dateline states.
      date: documentDate,
      length: text.length,
      ...(options.withText ? { text } : {}),
    },
    ...found,
  };
}

/**
 * `extract`, plus the claims conflict detection compares, read from the same layers: what
 * storing a document needs, so that no query reads its text again.
 */
export function extractWithClaims(input: DocumentInput): {
  extraction: Extraction;
  claims: DocumentClaims;
} {
  let claims: DocumentClaims = { ordinals: [], durations: [], periodStarts: [], subjects: [] };
  const extraction = extract(input, { claims: (c) => (claims = c) });
  return { extraction, claims };
}

// The claims of every window, in document offsets, each naming the joined event or figure (its
// new id); a claim in a window's lead-in belongs to the window before.
function joinClaims(
  windows: TextWindow[],
  parts: { claims: DocumentClaims | null }[],
  named: { events: Map<string, ExtractedEvent>; figures: Map<string, ExtractedFigure> }[],
  found: { events: ExtractedEvent[]; figures: ExtractedFigure[] },
): DocumentClaims {
  const out: DocumentClaims = { ordinals: [], durations: [], periodStarts: [], subjects: [] };
  const kept = new Set<object>([...found.events, ...found.figures]);
  const idOf = (x: ExtractedEvent | ExtractedFigure | undefined) =>
    x && kept.has(x) ? x.id : null;
  windows.forEach((w, i) => {
    const c = parts[i]!.claims;
    if (!c) return;
    const lead = windows.length > 1 ? w.start - w.leadIn : 0;
    const at = windows.length > 1 ? w.leadIn : 0;
    const moved = (e: Evidence): Evidence => ({
      start: e.start + at,
      end: e.end + at,
      text: e.text,
    });
    for (const o of c.ordinals)
      if (o.evidence.start >= lead)
        out.ordinals.push({
          ...o,
          evidence: moved(o.evidence),
          eventId: o.eventId === null ? null : idOf(named[i]!.events.get(o.eventId)),
        });
    for (const d of c.durations)
      if (d.evidence.start >= lead) out.durations.push({ ...d, evidence: moved(d.evidence) });
    for (const p of c.periodStarts)
      if (p.evidence.start >= lead) out.periodStarts.push({ ...p, evidence: moved(p.evidence) });
    for (const s of c.subjects) {
      const id = idOf(named[i]!.figures.get(s.figureId));
      if (id !== null) out.subjects.push({ ...s, figureId: id });
    }
  });
  return out;
}
