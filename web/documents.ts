// The documents in the store, newest first: picking one narrows the timeline to its events and
// opens its text. Fills the detail column until an event is chosen.
import type { DocumentSummary } from './api.ts';
import { formatDate } from './dates.ts';
import { append, h, replaceChildren } from './dom.ts';

/** The document list panel. */
export class DocumentList {
  readonly el: HTMLElement;
  private readonly list = h('ul', { class: 'doc-list' });
  private readonly heading = h('h2', { attrs: { id: 'docs-heading' } }, 'Documents');

  constructor(private readonly onPick: (id: string) => void) {
    this.el = h(
      'section',
      { class: 'panel docs-panel', attrs: { 'aria-labelledby': 'docs-heading' } },
      this.heading,
      h(
        'p',
        { class: 'muted hint' },
        'Choose an event on the timeline or in the list to see its card and the sentence it comes from. Choose a document to see only its events.',
      ),
      this.list,
    );
  }

  /** Shows `docs` (`total` in the store), marking the one the timeline is narrowed to. */
  render(docs: readonly DocumentSummary[], total: number, current: string): void {
    replaceChildren(this.heading, 'Documents ', h('span', { class: 'count' }, `(${total})`));
    replaceChildren(this.list);
    for (const d of docs.slice(0, 50)) {
      const b = h(
        'button',
        { class: 'doc-row', attrs: { type: 'button', 'aria-pressed': String(d.id === current) } },
        h('span', { class: 'mention-title' }, d.title || 'Untitled document'),
        h(
          'span',
          { class: 'muted' },
          `${d.date ? formatDate(d.date) : 'undated'} · ${d.format} · ${d.events} ${d.events === 1 ? 'event' : 'events'}`,
        ),
      );
      b.addEventListener('click', () => this.onPick(d.id));
      append(this.list, h('li', {}, b));
    }
    if (!docs.length)
      append(this.list, h('li', { class: 'muted' }, 'No documents yet: add one above.'));
    else if (docs.length > 50)
      append(
        this.list,
        h('li', { class: 'muted' }, `${total - 50} more: use the Document filter.`),
      );
  }
}
