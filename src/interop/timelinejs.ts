// TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): one slide per dated
// event, headed by the event as a sentence, its evidence as the slide text, linked to its
// documents, and its document as the credit; periods the texts name become eras. TimelineJS
// needs a start date, so undated events are left out and counted in the title slide.
import { headline } from './headlines.ts';
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
  /** How TimelineJS prints the date when the numbers would mislead ("1920s", "20th century"). */
  display_date?: string;
  text: { headline: string; text: string };
  media?: { url: string; credit: string; caption: string };
  group: string;
  unique_id: string;
}

/** A span of time shown under the slides. */
export interface TimelineJsEra {
  start_date: TimelineJsDate;
  end_date: TimelineJsDate;
  text: { headline: string; text: string };
}

/** A whole TimelineJS document. */
export interface TimelineJsFile {
  title: { text: { headline: string; text: string } };
  events: TimelineJsSlide[];
  eras?: TimelineJsEra[];
}

/** A period a text names ("after 70 years of Soviet rule, in 1991"), for an era. */
export interface NamedPeriod {
  /** First and last year. */
  start: number;
  end: number;
  /** The period as the text names it ("70 years of Soviet rule"). */
  name: string;
  evidence: string;
  documentTitle: string | null;
}

/** Options of `toTimelineJs`. */
export interface TimelineJsOptions {
  /**
   * The explorer page showing the view (`http://127.0.0.1:8787/?a=AZE&b=PAK`): each slide links
   * its documents there, with the event selected.
   */
  page?: string;
  periods?: NamedPeriod[];
}

/** Escapes text for TimelineJS, which renders slide text as HTML. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`,
  );
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

/** The page address of a document with the event selected, or null without a page. */
function documentLink(page: string | undefined, m: ExportMention, e: ExportEvent): string | null {
  if (!page) return null;
  const url = new URL(page);
  url.searchParams.set('doc', m.documentId);
  url.searchParams.set('event', e.id);
  return url.toString();
}

function mentionHtml(m: ExportMention, e: ExportEvent, page: string | undefined): string {
  const quote = m.evidence
    ? `<blockquote>${escapeHtml(m.evidence.text)}</blockquote>`
    : '<p><em>No text span: the event was coded from the linked article.</em></p>';
  const link = documentLink(page, m, e);
  const title = link
    ? `<a href="${escapeHtml(link)}">${escapeHtml(credit(m))}</a>`
    : escapeHtml(credit(m));
  const source = m.url ? ` (<a href="${escapeHtml(m.url)}">source</a>)` : '';
  return `${quote}<p class="tl-credit">— ${title}${source}</p>`;
}

const ORDINAL_SUFFIX = (n: number) =>
  n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');

/** How a span of whole years reads: "1920s", "20th century", "1991–1993"; null for other dates. */
export function displayDate(date: string): string | null {
  const m = /^(\d{4})\/(\d{4})$/.exec(date);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a % 10 === 0 && b === a + 9) return `${a}s`;
  if (a % 100 === 0 && b === a + 99) return `${a / 100 + 1}${ORDINAL_SUFFIX(a / 100 + 1)} century`;
  return a < b ? `${a}–${b}` : null;
}

// Who corrected the event, how, and why.
function correctedHtml(e: ExportEvent): string {
  return (e.corrections ?? [])
    .map(
      (c) =>
        `<p class="tl-corrected"><em>Corrected (${escapeHtml(c.kind)})${c.author ? ` by ${escapeHtml(c.author)}` : ''}, ${escapeHtml(c.createdAt.slice(0, 10))}${c.note ? `: ${escapeHtml(c.note)}` : ''}</em></p>`,
    )
    .join('');
}

/** The events as a TimelineJS 3 file; `title` heads the title slide. */
export function toTimelineJs(
  events: ExportEvent[],
  title = 'ties timeline',
  options: TimelineJsOptions = {},
): TimelineJsFile {
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
      text: {
        headline: escapeHtml(headline(e) + (e.corrections?.length ? ' (corrected)' : '')),
        text: e.mentions.map((m) => mentionHtml(m, e, options.page)).join('') + correctedHtml(e),
      },
      group: e.type,
      unique_id: `event-${e.id}`,
    };
    const end = last ? timelineJsDate(last) : null;
    if (end) slide.end_date = end;
    const shown = e.date ? displayDate(e.date) : null;
    if (shown) slide.display_date = shown;
    const m = e.mentions[0];
    // TimelineJS shows `media.credit` under the slide; an empty url (as in its own examples) shows no media.
    if (m) slide.media = { url: m.url ?? '', credit: escapeHtml(credit(m)), caption: '' };
    slides.push(slide);
  }
  const note = `${slides.length} dated events${undated ? `; ${undated} undated left out (TimelineJS needs a date)` : ''}.`;
  const file: TimelineJsFile = {
    title: { text: { headline: escapeHtml(title), text: `<p>${note}</p>` } },
    events: slides,
  };
  if (options.periods?.length) {
    file.eras = options.periods.map((p) => ({
      start_date: { year: p.start },
      end_date: { year: p.end },
      text: {
        headline: escapeHtml(p.name),
        text: `<blockquote>${escapeHtml(p.evidence)}</blockquote>${p.documentTitle ? `<p class="tl-credit">— ${escapeHtml(p.documentTitle)}</p>` : ''}`,
      },
    }));
  }
  return file;
}
