// A document's text with the chosen sentence highlighted and every other event's evidence
// underlined. The text is only ever put in text nodes (inside <mark>/<span> for the spans), so
// markup inside a document is shown, never run.
import { PLOVER_TYPES } from '../src/extract/types.ts';
import { getJson, type DocumentFull, type NewCorrection } from './api.ts';
import { authorName } from './correct-event.ts';
import { formatDate } from './dates.ts';
import { h, replaceChildren } from './dom.ts';
import { markdownBlocks, visibleText } from './markdown.ts';

/** A span of the text that states an event. */
export interface EventSpan {
  start: number;
  end: number;
  eventId: string;
  label: string;
}

/**
 * The text as nodes: the `active` span in a <mark>, the other event spans in underlined
 * <span>s, everything else plain text nodes. Offsets are clamped; overlapping spans after the
 * first (and any overlapping the active one) stay plain.
 */
export function highlighted(
  text: string,
  active: { start: number; end: number } | null,
  spans: readonly EventSpan[] = [],
): Node[] {
  return highlightedRange(text, 0, text.length, [], active, spans);
}

/**
 * `highlighted` for the part `[from, to)` of the text, leaving out `hidden` ranges (markup):
 * a span that crosses a hidden range stays one element holding the visible text.
 */
export function highlightedRange(
  text: string,
  from: number,
  to: number,
  hidden: readonly [number, number][],
  active: { start: number; end: number } | null,
  spans: readonly EventSpan[] = [],
): Node[] {
  const clamp = (n: number) => Math.max(from, Math.min(n, to));
  const parts: { start: number; end: number; span: EventSpan | null }[] = [];
  if (active && active.end > from && active.start < to)
    parts.push({
      start: clamp(active.start),
      end: Math.max(clamp(active.start), clamp(active.end)),
      span: null,
    });
  for (const sp of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const start = clamp(sp.start);
    const end = clamp(sp.end);
    if (end <= start || parts.some((p) => start < p.end && end > p.start)) continue;
    parts.push({ start, end, span: sp });
  }
  parts.sort((a, b) => a.start - b.start);
  const out: Node[] = [];
  const plain = (a: number, b: number) => {
    const t = visibleText(text, a, b, hidden);
    if (t) out.push(document.createTextNode(t));
  };
  let at = from;
  for (const p of parts) {
    if (p.start > at) plain(at, p.start);
    const t = visibleText(text, p.start, p.end, hidden);
    out.push(
      p.span
        ? h(
            'span',
            { class: 'ev-span', attrs: { 'data-event': p.span.eventId, title: p.span.label } },
            t,
          )
        : h('mark', {}, t),
    );
    at = p.end;
  }
  if (at < to || !out.length) plain(at, to);
  return out;
}

const BLOCK_TAG = {
  h1: 'h3',
  h2: 'h4',
  h3: 'h5',
  h4: 'h6',
  h5: 'h6',
  h6: 'h6',
  p: 'p',
  li: 'li',
  oli: 'li',
  quote: 'blockquote',
  pre: 'pre',
  hr: 'hr',
} as const;

/** A Markdown text as headings, paragraphs, lists and quotes, highlighted like `highlighted`. */
export function markdownNodes(
  text: string,
  active: { start: number; end: number } | null,
  spans: readonly EventSpan[] = [],
): Node[] {
  const out: Node[] = [];
  let list: HTMLElement | null = null;
  for (const b of markdownBlocks(text)) {
    const el = h(
      BLOCK_TAG[b.kind],
      {},
      ...(b.kind === 'hr' ? [] : highlightedRange(text, b.start, b.end, b.hidden, active, spans)),
    );
    if (b.kind === 'li' || b.kind === 'oli') {
      const tag = b.kind === 'li' ? 'UL' : 'OL';
      if (list?.tagName !== tag) out.push((list = h(b.kind === 'li' ? 'ul' : 'ol', {})));
      list.append(el);
      continue;
    }
    list = null;
    out.push(el);
  }
  return out;
}

/** What the document panel can change: add an event from a selection, re-date or delete the document. */
export interface DocumentActions {
  addEvent(c: NewCorrection): Promise<void>;
  redate(documentId: string, date: string): Promise<void>;
  remove(documentId: string): Promise<void>;
}

/**
 * The span of `text` a selection inside `root` covers: the occurrence of the selected words
 * nearest to where the rendered text before them puts them (Markdown hides a few characters, so
 * the rendered offset is only a guide). Null when nothing in `root` is selected.
 */
export function selectedSpan(
  root: HTMLElement,
  text: string,
): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const raw = sel.toString();
  const words = raw.trim();
  if (!words) return null;
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const guess = before.toString().length + (raw.length - raw.trimStart().length);
  let best = -1;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (best < 0 || Math.abs(at - guess) < Math.abs(best - guess)) best = at;
  }
  return best < 0 ? null : { start: best, end: best + words.length };
}

/** The document panel. */
export class DocumentView {
  readonly el: HTMLElement;
  private readonly heading = h('h2', { attrs: { id: 'doc-heading' } }, 'Document');
  private readonly meta = h('p', { class: 'muted doc-meta' });
  private readonly body = h('div', {
    class: 'doc-text',
    attrs: { tabindex: 0, 'aria-label': 'Document text' },
  });
  private readonly cache = new Map<string, Promise<DocumentFull>>();
  private token = 0;

  private currentId = '';
  private currentText = '';
  private readonly tools = h('div', { class: 'doc-tools' });
  private readonly status = h('p', { class: 'muted', attrs: { role: 'status' } });

  constructor(
    private readonly onEvent: (eventId: string, documentId: string) => void,
    private readonly actions?: DocumentActions,
  ) {
    // Clicking a sentence that states an event selects that event.
    this.body.addEventListener('click', (e) => {
      const id = (e.target as HTMLElement).closest<HTMLElement>('.ev-span')?.dataset.event;
      if (id) this.onEvent(id, this.currentId);
    });
    this.el = h(
      'section',
      { class: 'panel doc-panel', attrs: { 'aria-labelledby': 'doc-heading', hidden: true } },
      this.heading,
      this.meta,
      this.tools,
      this.body,
    );
  }

  // The buttons that change the document: add an event from the selected text, re-date, delete.
  private renderTools(doc: DocumentFull): void {
    const actions = this.actions;
    if (!actions) return;
    const run = async (b: HTMLButtonElement, work: () => Promise<void>) => {
      b.disabled = true;
      this.status.textContent = 'Saving…';
      this.status.setAttribute('role', 'status');
      try {
        await work();
        this.status.textContent = '';
      } catch (e) {
        this.status.textContent = `Not saved: ${(e as Error).message}`;
        this.status.setAttribute('role', 'alert');
      } finally {
        b.disabled = false;
      }
    };
    const form = h('div', { class: 'add-event', attrs: { hidden: true } });
    const add = h('button', { attrs: { type: 'button' } }, 'Add event from the selected text');
    add.addEventListener('click', () => {
      const span = selectedSpan(this.body, this.currentText);
      if (!span) {
        this.status.textContent = 'Select the words that state the event in the text first.';
        return;
      }
      const type = h(
        'select',
        {},
        ...PLOVER_TYPES.map((t) => h('option', { attrs: { value: t } }, t)),
      );
      const date = h('input', {
        attrs: { type: 'text', placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD', maxlength: 30 },
      });
      const source = h('input', { attrs: { type: 'text', maxlength: 100 } });
      const target = h('input', { attrs: { type: 'text', maxlength: 100 } });
      const save = h('button', { attrs: { type: 'button' } }, 'Save the new event');
      const label = (text: string, input: HTMLElement) =>
        h('label', { class: 'field' }, h('span', {}, text), input);
      save.addEventListener(
        'click',
        () =>
          void run(save, async () => {
            await actions.addEvent({
              kind: 'add',
              mention: { documentId: doc.id, ...span },
              value: {
                type: type.value,
                date: date.value.trim() || null,
                source: source.value.trim() || null,
                target: target.value.trim() || null,
              },
              author: authorName() || undefined,
            });
            form.hidden = true;
          }),
      );
      form.replaceChildren(
        h('p', {}, 'New event from ', h('q', {}, this.currentText.slice(span.start, span.end))),
        h('div', { class: 'correct-row' }, label('Event type', type), label('Event date', date)),
        h(
          'div',
          { class: 'correct-row' },
          label('Event source', source),
          label('Event target', target),
          save,
        ),
      );
      form.hidden = false;
    });
    const newDate = h('input', {
      attrs: {
        type: 'date',
        value: doc.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.date) ? doc.date : '',
      },
    });
    const redate = h('button', { attrs: { type: 'button' } }, 'Re-date and read again');
    redate.addEventListener('click', () => {
      if (newDate.value) void run(redate, () => actions.redate(doc.id, newDate.value));
    });
    const remove = h(
      'button',
      { class: 'danger', attrs: { type: 'button' } },
      'Delete this document',
    );
    remove.addEventListener('click', () => {
      if (
        window.confirm(
          `Delete “${doc.title || 'Untitled document'}” and the events only it states?`,
        )
      )
        void run(remove, () => actions.remove(doc.id));
    });
    // Folded away: the text stays where the reader expects it, one line below the title.
    this.tools.replaceChildren(
      h(
        'details',
        { class: 'correct' },
        h('summary', {}, 'Correct this document'),
        h(
          'div',
          { class: 'correct-row' },
          add,
          h('label', { class: 'field' }, h('span', {}, 'Document date'), newDate),
          redate,
          remove,
        ),
        form,
        this.status,
      ),
    );
  }

  /** Fetches a document once per page load. */
  load(id: string): Promise<DocumentFull> {
    let p = this.cache.get(id);
    if (!p) {
      p = getJson<DocumentFull>(`/api/documents/${encodeURIComponent(id)}`);
      this.cache.set(id, p);
      p.catch(() => this.cache.delete(id));
    }
    return p;
  }

  /** Forgets cached documents (after one is added or replaced). */
  clear(): void {
    this.cache.clear();
  }

  /** Hides the panel. */
  hide(): void {
    this.token++;
    this.el.hidden = true;
  }

  /** Shows document `id`, highlighting `[start, end)` and scrolling to it. */
  async show(id: string, span: { start: number; end: number } | null): Promise<void> {
    const token = ++this.token;
    this.el.hidden = false;
    this.el.setAttribute('aria-busy', 'true');
    try {
      const doc = await this.load(id);
      if (token !== this.token) return;
      this.currentId = doc.id;
      this.currentText = doc.text;
      this.renderTools(doc);
      replaceChildren(this.heading, doc.title || 'Untitled document');
      replaceChildren(
        this.meta,
        [
          doc.date ? `Dated ${formatDate(doc.date)}` : 'No date',
          `${doc.format}`,
          `${doc.length.toLocaleString('en')} characters`,
          `${doc.events.length} events`,
        ].join(' · '),
      );
      const spans: EventSpan[] = [];
      for (const ev of doc.events) {
        for (const m of ev.mentions) {
          if (m.documentId === doc.id && m.evidence)
            spans.push({
              ...m.evidence,
              eventId: ev.id,
              label: `${ev.date ?? 'undated'} · ${ev.type}`,
            });
        }
      }
      // Markdown reads as headings and paragraphs; other formats as the text was stored.
      const md = doc.format === 'md';
      this.body.classList.toggle('md', md);
      this.body.replaceChildren(
        ...(md ? markdownNodes(doc.text, span, spans) : highlighted(doc.text, span, spans)),
      );
      const mark = this.body.querySelector('mark');
      // .doc-text is positioned, so offsetTop is inside it: the document box scrolls first, so
      // the sentence sits a third down it.
      this.body.scrollTop = mark ? Math.max(0, mark.offsetTop - this.body.clientHeight / 3) : 0;
      // Then, on a wide screen, whatever else must move for the sentence to be seen (the detail
      // column, the window). On a phone the document is further down the page, read by scrolling.
      if (mark && window.matchMedia('(min-width: 1101px)').matches) {
        const r = mark.getBoundingClientRect();
        // Centred rather than nearest: at an edge, a sentence that wraps is half out of view.
        if (r.top < 0 || r.bottom > window.innerHeight) mark.scrollIntoView({ block: 'center' });
      }
    } catch (e) {
      if (token !== this.token) return;
      replaceChildren(this.heading, 'Document');
      replaceChildren(this.meta, '');
      replaceChildren(
        this.body,
        h(
          'p',
          { class: 'error', attrs: { role: 'alert' } },
          `Could not open the document: ${(e as Error).message}`,
        ),
      );
    } finally {
      if (token === this.token) this.el.removeAttribute('aria-busy');
    }
  }
}
