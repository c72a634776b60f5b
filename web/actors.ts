// The actor overview: every country and organisation in the store with its event count, a
// starting point for picking a pair.
import type { ActorSummary } from './api.ts';
import { append, h, replaceChildren } from './dom.ts';

const SHOWN = 30;

/** The actor overview panel. `onPick` receives a code. */
export class ActorOverview {
  readonly el: HTMLElement;
  private readonly list = h('ul', { class: 'actor-list' });
  private readonly filter = h('input', {
    attrs: { id: 'actor-filter', type: 'search', placeholder: 'Filter', autocomplete: 'off' },
  });
  private actors: readonly ActorSummary[] = [];
  private current: string[] = [];

  constructor(private readonly onPick: (code: string) => void) {
    this.filter.addEventListener('input', () => this.draw());
    this.el = h(
      'section',
      { class: 'panel actors-panel', attrs: { 'aria-labelledby': 'actors-heading' } },
      h('h2', { attrs: { id: 'actors-heading' } }, 'Actors'),
      h('p', { class: 'muted hint' }, 'With the events involving each, with any partner.'),
      h('label', { class: 'visually-hidden', attrs: { for: 'actor-filter' } }, 'Filter actors'),
      this.filter,
      this.list,
    );
  }

  /** Shows `actors`, marking the current pair. */
  render(actors: readonly ActorSummary[], current: string[]): void {
    this.actors = actors;
    this.current = current;
    this.draw();
  }

  private draw(): void {
    const f = this.filter.value.trim().toLowerCase();
    const rows = this.actors.filter(
      (a) => !f || a.name.toLowerCase().includes(f) || a.code.toLowerCase().includes(f),
    );
    const max = Math.max(1, ...this.actors.map((a) => a.events));
    replaceChildren(this.list);
    for (const a of rows.slice(0, f ? 200 : SHOWN)) {
      const b = h(
        'button',
        {
          class: 'actor',
          attrs: {
            type: 'button',
            'aria-pressed': String(this.current.includes(a.code)),
            title: `Show the timeline of ${a.name}`,
          },
        },
        h('span', { class: 'actor-name' }, a.name),
        h('span', { class: 'actor-code' }, `${a.code}${a.kind === 'organisation' ? ' · org' : ''}`),
        h('span', { class: 'actor-count' }, `${a.events} ${a.events === 1 ? 'event' : 'events'}`),
        h('span', {
          class: 'bar',
          style: { width: `${Math.max(2, (a.events / max) * 100)}%` },
          attrs: { 'aria-hidden': 'true' },
        }),
      );
      b.addEventListener('click', () => this.onPick(a.code));
      append(this.list, h('li', {}, b));
    }
    if (!rows.length)
      append(
        this.list,
        h(
          'li',
          { class: 'muted' },
          this.actors.length ? 'No actor matches.' : 'No actors yet: add a document.',
        ),
      );
    else if (!f && rows.length > SHOWN)
      append(
        this.list,
        h('li', { class: 'muted' }, `${rows.length - SHOWN} more: type to filter.`),
      );
  }
}
