// TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): one slide per dated
// event, its evidence as the slide text and its document as the credit. TimelineJS needs a
// start date, so undated events are left out and counted in the title slide.
import type { ExportEvent, ExportMention } from './types.ts';

/** A TimelineJS date: numbers, coarse ones without month or day. */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
}

/** One TimelineJS slide. */
export interface TimelineJsSlide {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  text: { headline: string; text: string };
  media?: { url: string; credit: string; caption: string };
  group: string;
  unique_id: string;
}

/** A whole TimelineJS document. */
export interface TimelineJsFile {
  title: { text: { headline: string; text: string } };
  events: TimelineJsSlide[];
}

/** Escapes text for TimelineJS, which renders slide text as HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/** A contract date end (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as a TimelineJS date at the same precision. */
export function timelineJsDate(s: string): TimelineJsDate | null {
  const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (!m) return null;
  const d: TimelineJsDate = { year: Number(m[1]) };
  if (m[2]) d.month = Number(m[2]);
  if (m[3]) d.day = Number(m[3]);
  return d;
}

function credit(m: ExportMention): string {
  return [m.documentTitle ?? m.url ?? m.documentId, m.documentDate].filter(Boolean).join(', ');
}

function mentionHtml(m: ExportMention): string {
  const quote = m.evidence
    ? `<blockquote>${escapeHtml(m.evidence.text)}</blockquote>`
    : '<p><em>No text span: the event was coded from the linked article.</em></p>';
  const where = m.url ? `<a href="${escapeHtml(m.url)}">${escapeHtml(credit(m))}</a>` : escapeHtml(credit(m));
  return `${quote}<p class="tl-credit">— ${where}</p>`;
}

function headline(e: ExportEvent): string {
  const who = [e.source?.name ?? e.source?.code, e.target?.name ?? e.target?.code].filter(Boolean).join(' → ');
  const what = e.mode ? `${e.type} (${e.mode})` : e.type;
  return `${e.negated ? 'NOT ' : ''}${what}${who ? `: ${who}` : ''}`;
}

// Who corrected the event, how, and why.
function correctedHtml(e: ExportEvent): string {
  return (e.corrections ?? [])
    .map((c) => `<p class="tl-corrected"><em>Corrected (${escapeHtml(c.kind)})${c.author ? ` by ${escapeHtml(c.author)}` : ''}, ${escapeHtml(c.createdAt.slice(0, 10))}${c.note ? `: ${escapeHtml(c.note)}` : ''}</em></p>`)
    .join('');
}

/** The events as a TimelineJS 3 file; `title` heads the title slide. */
export function toTimelineJs(events: ExportEvent[], title = 'ties timeline'): TimelineJsFile {
  const slides: TimelineJsSlide[] = [];
  let undated = 0;
  for (const e of events) {
    const [first, last] = e.date ? e.date.split('/') : [];
    const start = first ? timelineJsDate(first) : null;
    if (!start) {
      undated++;
      continue;
    }
    const slide: TimelineJsSlide = {
      start_date: start,
      text: { headline: escapeHtml(headline(e) + (e.corrections?.length ? ' (corrected)' : '')), text: e.mentions.map(mentionHtml).join('') + correctedHtml(e) },
      group: e.type,
      unique_id: `event-${e.id}`,
    };
    const end = last ? timelineJsDate(last) : null;
    if (end) slide.end_date = end;
    const m = e.mentions[0];
    // TimelineJS shows `media.credit` under the slide; an empty url (as in its own examples) shows no media.
    if (m) slide.media = { url: m.url ?? '', credit: escapeHtml(credit(m)), caption: '' };
    slides.push(slide);
  }
  const note = `${slides.length} dated events${undated ? `; ${undated} undated left out (TimelineJS needs a date)` : ''}.`;
  return { title: { text: { headline: escapeHtml(title), text: `<p>${note}</p>` } }, events: slides };
}
