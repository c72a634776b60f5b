// The filters that narrow the timeline. Filtering happens in the page over the pair's events
// (10,000 events filter in about a millisecond), so changing a filter never waits on the server.
import { PLOVER_TYPES } from '../src/extract/types.ts';
import { quadClass } from '../src/codes/plover.ts';
import type { DocumentSummary, EventSummary } from './api.ts';
import { dayOfYear } from './dates.ts';
import { append, h, replaceChildren } from './dom.ts';
import { QUAD_MEANING, TYPE_MEANING } from './glossary.ts';
import { QUAD_COLOR, QUAD_LABEL, QUADS } from './quads.ts';
import type { ViewState } from './url-state.ts';

/** The words of a free-text query, lower-cased. */
export function queryWords(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Options of `filterEvents` that come from the server rather than the URL. */
export interface FilterContext {
  /**
   * Ids of the events the server matched for `q` (`GET /api/timeline?q=`: stated in a sentence
   * with every word), or null while unknown: then the words are looked for in the events' text.
   */
  searchIds: ReadonlySet<string> | null;
}

/** The events that pass every filter of `s`: the same filters `GET /api/export` applies. */
export function filterEvents(
  events: readonly EventSummary[],
  s: ViewState,
  ctx: FilterContext,
): EventSummary[] {
  const types = s.types.length ? new Set(s.types) : null;
  const quads = s.quads.length ? new Set(s.quads) : null;
  const from = s.from ? dayOfYear(Number(s.from)) : null;
  const to = s.to ? dayOfYear(Number(s.to) + 1) - 1 : null;
  const words = queryWords(s.q);
  return events.filter((ev) => {
    if (types && !types.has(ev.type)) return false;
    if (quads && !quads.has(ev.quad)) return false;
    if (s.doc && !ev.documentIds.includes(s.doc)) return false;
    if (from !== null || to !== null) {
      // A date range asks for dated events: undated ones cannot be said to fall inside it.
      if (ev.first === null) return false;
      const last = ev.last ?? ev.first;
      if (from !== null && last < from) return false;
      if (to !== null && ev.first > to) return false;
    }
    if (words.length) {
      if (ctx.searchIds) return ctx.searchIds.has(ev.id);
      const text = ev.text.toLowerCase();
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

/** What the filter panel reports when the user changes something. */
export type FilterChange = Partial<Pick<ViewState, 'types' | 'quads' | 'from' | 'to' | 'doc'>>;

/** The filter panel: type and quad checkboxes with counts, a year range and a document. */
export class FilterPanel {
  readonly el: HTMLElement;
  private readonly typeBox = h('fieldset', { class: 'filter-types' });
  private readonly quadBox = h('fieldset', { class: 'filter-quads' });
  private readonly from = h('input', {
    attrs: {
      type: 'number',
      id: 'filter-from',
      inputmode: 'numeric',
      min: 1,
      max: 9999,
      placeholder: 'from',
    },
  });
  private readonly to = h('input', {
    attrs: {
      type: 'number',
      id: 'filter-to',
      inputmode: 'numeric',
      min: 1,
      max: 9999,
      placeholder: 'to',
    },
  });
  private readonly doc = h('select', { attrs: { id: 'filter-doc' } });

  constructor(private readonly onChange: (c: FilterChange) => void) {
    const years = h(
      'fieldset',
      { class: 'filter-years' },
      h('legend', {}, 'Years'),
      h('label', { attrs: { for: 'filter-from' } }, 'From year'),
      this.from,
      h('label', { attrs: { for: 'filter-to' } }, 'To year'),
      this.to,
    );
    const yearChanged = () =>
      this.onChange({ from: this.from.value.trim(), to: this.to.value.trim() });
    this.from.addEventListener('change', yearChanged);
    this.to.addEventListener('change', yearChanged);
    this.doc.addEventListener('change', () => this.onChange({ doc: this.doc.value }));
    const docs = h(
      'div',
      { class: 'filter-doc' },
      h('label', { attrs: { for: 'filter-doc' } }, 'Document'),
      this.doc,
    );
    this.el = h('div', { class: 'filters' }, this.quadBox, this.typeBox, years, docs);
  }

  /** Redraws the panel for the loaded events (counts before filtering) and the state. */
  render(all: readonly EventSummary[], s: ViewState, documents: readonly DocumentSummary[]): void {
    const typeCount = new Map<string, number>();
    const quadCount = new Map<string, number>();
    for (const ev of all) {
      typeCount.set(ev.type, (typeCount.get(ev.type) ?? 0) + 1);
      quadCount.set(ev.quad, (quadCount.get(ev.quad) ?? 0) + 1);
    }
    replaceChildren(this.quadBox, h('legend', {}, 'Class'));
    for (const q of QUADS) {
      const input = h('input', {
        attrs: { type: 'checkbox', value: q, checked: s.quads.includes(q) },
      });
      input.addEventListener('change', () => this.onChange({ quads: this.checked(this.quadBox) }));
      append(
        this.quadBox,
        h(
          'label',
          { class: 'check', attrs: { title: QUAD_MEANING[q] } },
          input,
          h('span', {
            class: 'swatch',
            style: { background: QUAD_COLOR[q] },
            attrs: { 'aria-hidden': 'true' },
          }),
          `${QUAD_LABEL[q]} `,
          h('span', { class: 'count' }, `(${quadCount.get(q) ?? 0})`),
        ),
      );
    }
    replaceChildren(this.typeBox, h('legend', {}, 'Type'));
    // Types with events, plus any the URL asks for, so a shared filter is visible even when empty.
    for (const t of PLOVER_TYPES) {
      if (!typeCount.has(t) && !s.types.includes(t)) continue;
      const input = h('input', {
        attrs: { type: 'checkbox', value: t, checked: s.types.includes(t) },
      });
      input.addEventListener('change', () => this.onChange({ types: this.checked(this.typeBox) }));
      append(
        this.typeBox,
        h(
          'label',
          { class: 'check', attrs: { title: TYPE_MEANING[t] } },
          input,
          h('span', {
            class: 'swatch',
            style: { background: QUAD_COLOR[quadClass(t)] },
            attrs: { 'aria-hidden': 'true' },
          }),
          `${t} `,
          h('span', { class: 'count' }, `(${typeCount.get(t) ?? 0})`),
        ),
      );
    }
    if (typeCount.size === 0 && s.types.length === 0)
      append(this.typeBox, h('p', { class: 'muted' }, 'No events yet.'));
    if (document.activeElement !== this.from) this.from.value = s.from;
    if (document.activeElement !== this.to) this.to.value = s.to;
    replaceChildren(this.doc, h('option', { attrs: { value: '' } }, 'All documents'));
    for (const d of documents) {
      append(
        this.doc,
        h(
          'option',
          { attrs: { value: d.id, selected: d.id === s.doc } },
          `${d.title || 'Untitled'}${d.date ? ` (${d.date})` : ''}`,
        ),
      );
    }
    if (s.doc && !documents.some((d) => d.id === s.doc))
      append(
        this.doc,
        h('option', { attrs: { value: s.doc, selected: true } }, 'The chosen document'),
      );
  }

  private checked(box: HTMLElement): string[] {
    return [...box.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
      .filter((i) => i.checked)
      .map((i) => i.value);
  }
}
