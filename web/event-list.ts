// The same events as the timeline, as a list of buttons: what keyboards, screen readers and
// the end-to-end tests use. Rendered a page at a time so 10,000 events cost no more than 100.
import type { EventSummary, TimelineEvent } from './api.ts';
import { append, h, replaceChildren } from './dom.ts';
import { QUAD_COLOR } from './quads.ts';

const PAGE = 100;

/** The participants of an event in words: "Pakistan → Azerbaijan". */
export function participants(ev: Pick<EventSummary, 'source' | 'target' | 'actors'>): string {
  const src = ev.source?.name ?? ev.source?.code;
  const tgt = ev.target?.name ?? ev.target?.code;
  if (src && tgt) return `${src} → ${tgt}`;
  return src ?? tgt ?? ev.actors.join(', ');
}

/** The first evidence sentence of an event (its start), or the reason there is none. */
export function evidenceText(ev: EventSummary | TimelineEvent): string {
  if ('text' in ev) return ev.text || 'Imported event (no text span)';
  for (const m of ev.mentions) if (m.evidence?.text) return m.evidence.text;
  return ev.mentions[0]?.url ? 'Imported event (no text span)' : '';
}

/** The event list. */
export class EventList {
  readonly el: HTMLElement;
  private readonly list = h('ol', { class: 'event-list' });
  private readonly more = h('button', { class: 'more', attrs: { type: 'button' } });
  private readonly heading = h('h2', { attrs: { id: 'events-heading' } }, 'Events');
  private events: readonly EventSummary[] = [];
  private shown = 0;
  private selected = '';

  constructor(private readonly onSelect: (id: string) => void) {
    this.more.addEventListener('click', () => this.showMore(true));
    this.el = h(
      'section',
      { class: 'panel events-panel', attrs: { 'aria-labelledby': 'events-heading' } },
      this.heading,
      this.list,
      this.more,
    );
  }

  /** Shows `events` from the top. `total` is the count before filtering; `scope` says whose events they are. */
  setEvents(events: readonly EventSummary[], total: number, scope = ''): void {
    this.events = events;
    this.shown = 0;
    // The count says what it counts: the page shows other counts (the store's, each actor's).
    replaceChildren(
      this.heading,
      `Events${scope ? ` ${scope}` : ''} `,
      h(
        'span',
        { class: 'count' },
        events.length === total ? `(${total})` : `(${events.length} of ${total})`,
      ),
      events.length === total ? '' : h('span', { class: 'count' }, ' shown by the filters'),
    );
    this.list.replaceChildren();
    if (!events.length)
      append(
        this.list,
        h(
          'li',
          { class: 'muted' },
          total ? 'No event matches these filters.' : 'No events for this selection yet.',
        ),
      );
    this.showMore(false);
  }

  /** Redraws the rows shown so far (after conflicts arrive), keeping the page count. */
  refresh(): void {
    // Nothing shown means the "no events" line is there: keep it.
    if (!this.events.length) return;
    const shown = this.shown;
    this.list.replaceChildren();
    this.shown = 0;
    while (this.shown < Math.min(shown, this.events.length)) this.showMore(false);
  }

  /** Marks `id` as selected, paging forward to it when needed. */
  setSelected(id: string): void {
    this.selected = id;
    const idx = this.events.findIndex((e) => e.id === id);
    while (idx >= this.shown && this.shown < this.events.length) this.showMore(false);
    for (const b of this.list.querySelectorAll<HTMLButtonElement>('button[data-id]')) {
      const on = b.dataset.id === id;
      b.setAttribute('aria-pressed', String(on));
      if (on) b.scrollIntoView({ block: 'nearest' });
    }
  }

  private showMore(focus: boolean): void {
    const next = this.events.slice(this.shown, this.shown + PAGE);
    const frag = document.createDocumentFragment();
    let firstNew: HTMLButtonElement | null = null;
    for (const ev of next) {
      const b = h(
        'button',
        {
          class: 'event-row',
          attrs: {
            type: 'button',
            'data-id': ev.id,
            'aria-pressed': String(ev.id === this.selected),
          },
        },
        h('span', {
          class: 'dot',
          style: { background: QUAD_COLOR[ev.quad] },
          attrs: { 'aria-hidden': 'true' },
        }),
        h('span', { class: 'ev-date' }, ev.date ?? 'undated'),
        ' ',
        h(
          'span',
          { class: 'ev-head' },
          h('span', { class: 'ev-type' }, ev.negated ? `not ${ev.type}` : ev.type),
          ' ',
          h('span', { class: 'ev-who' }, participants(ev)),
        ),
        ' ',
        h('span', { class: 'ev-text' }, evidenceText(ev)),
        ev.mentionCount > 1
          ? h('span', { class: 'ev-sources' }, `${ev.mentionCount} sources`)
          : null,
        ev.conflicts?.length ? h('span', { class: 'ev-conflict' }, 'sources disagree') : null,
        ev.corrected ? h('span', { class: 'ev-corrected' }, 'corrected') : null,
      );
      b.addEventListener('click', () => this.onSelect(ev.id));
      firstNew ??= b;
      frag.appendChild(h('li', {}, b));
    }
    this.list.appendChild(frag);
    this.shown += next.length;
    const left = this.events.length - this.shown;
    this.more.hidden = left <= 0;
    this.more.textContent = `Show ${Math.min(PAGE, left)} more (${left} left)`;
    if (focus) firstNew?.focus();
  }
}
