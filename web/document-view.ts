// A document's text with one span highlighted. The text is only ever put in text nodes (split
// in three around a <mark>), so markup inside a document is shown, never run.
import { getJson, type DocumentFull } from './api.ts';
import { formatDate } from './dates.ts';
import { h, replaceChildren } from './dom.ts';

/** Splits `text` into before / highlighted / after nodes. Offsets are clamped to the text. */
export function highlighted(text: string, start: number, end: number): Node[] {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return [document.createTextNode(text.slice(0, s)), h('mark', {}, text.slice(s, e)), document.createTextNode(text.slice(e))];
}

/** The document panel. */
export class DocumentView {
  readonly el: HTMLElement;
  private readonly heading = h('h2', { attrs: { id: 'doc-heading' } }, 'Document');
  private readonly meta = h('p', { class: 'muted doc-meta' });
  private readonly body = h('div', { class: 'doc-text', attrs: { tabindex: 0, 'aria-label': 'Document text' } });
  private readonly cache = new Map<string, Promise<DocumentFull>>();
  private token = 0;

  constructor() {
    this.el = h('section', { class: 'panel doc-panel', attrs: { 'aria-labelledby': 'doc-heading', hidden: true } }, this.heading, this.meta, this.body);
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
      replaceChildren(this.heading, doc.title || 'Untitled document');
      replaceChildren(this.meta, [doc.date ? `Dated ${formatDate(doc.date)}` : 'No date', `${doc.format}`, `${doc.length.toLocaleString('en')} characters`, `${doc.events.length} events`].join(' · '));
      if (span) {
        this.body.replaceChildren(...highlighted(doc.text, span.start, span.end));
        const mark = this.body.querySelector('mark');
        // .doc-text is positioned, so offsetTop is inside it. Scroll only the document box, so the event card stays where the reader left it.
        if (mark) this.body.scrollTop = Math.max(0, mark.offsetTop - this.body.clientHeight / 3);
      } else {
        this.body.replaceChildren(document.createTextNode(doc.text));
        this.body.scrollTop = 0;
      }
    } catch (e) {
      if (token !== this.token) return;
      replaceChildren(this.heading, 'Document');
      replaceChildren(this.meta, '');
      replaceChildren(this.body, h('p', { class: 'error', attrs: { role: 'alert' } }, `Could not open the document: ${(e as Error).message}`));
    } finally {
      if (token === this.token) this.el.removeAttribute('aria-busy');
    }
  }
}
