// Correcting the event on the card: reject it, or set its date, type or participants, with the
// source sentence in view above; splitting one source off. A corrected event shows what the
// extractor made next to the correction. Every write is a JSON POST (the server takes no other).
import { PLOVER_TYPES } from '../src/extract/types.ts';
import type { ApiCorrection, NewCorrection, TimelineEvent } from './api.ts';
import { append, h } from './dom.ts';

const AUTHOR_KEY = 'ties.author';

/** The name corrections are signed with, kept in this browser (no accounts). */
export function authorName(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return '';
  }
}

function keepAuthor(name: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, name);
  } catch {
    // A private window refuses storage: the name still signs this correction.
  }
}

/** A labelled field: the label names the input for screen readers and role-based locators. */
function field(label: string, input: HTMLInputElement | HTMLSelectElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

const factsText = (f: Record<string, unknown> | null | undefined): string => {
  if (!f) return 'nothing (added by hand)';
  const parts: string[] = [];
  if (f.type) parts.push(String(f.type));
  if ('date' in f) parts.push(f.date ? String(f.date) : 'undated');
  const who = [f.source, f.target].filter(Boolean).join(' → ');
  if (who) parts.push(who);
  else if (Array.isArray(f.actors) && f.actors.length) parts.push(f.actors.join(', '));
  return parts.join(' · ') || '—';
};

const valueText = (c: ApiCorrection): string =>
  c.kind === 'reject'
    ? 'not an event'
    : c.kind === 'split'
      ? 'set apart from the other sources'
      : c.kind === 'merge'
        ? 'merged with another event'
        : factsText(c.value as Record<string, unknown>);

/** What the card shows of an event's corrections: each one, with the extracted facts it replaced. */
export function correctionsNote(corrections: readonly ApiCorrection[]): HTMLElement {
  const list = h('ul', { class: 'corrections', attrs: { 'aria-label': 'Corrections' } });
  for (const c of corrections) {
    const by = [c.author ? `by ${c.author}` : '', c.createdAt.slice(0, 10)]
      .filter(Boolean)
      .join(', ');
    append(
      list,
      h(
        'li',
        {},
        h('strong', {}, `${c.kind}: `),
        valueText(c),
        c.original && c.kind !== 'reject'
          ? h(
              'span',
              { class: 'muted' },
              ` (extracted: ${factsText(c.original as Record<string, unknown>)})`,
            )
          : '',
        h('span', { class: 'muted' }, ` — ${by}`),
        c.note ? h('span', { class: 'note' }, ` “${c.note}”`) : '',
      ),
    );
  }
  return h('div', { class: 'corrected-note' }, h('h3', { class: 'corrected' }, 'Corrected'), list);
}

/** Another event the card's event may be merged with. */
export interface MergeCandidate {
  id: string;
  label: string;
}

/** The correction form of an event's card; `send` stores a correction and refreshes the page. */
export function correctionForm(
  ev: TimelineEvent,
  send: (c: NewCorrection) => Promise<void>,
  others: readonly MergeCandidate[] = [],
): HTMLElement {
  const status = h('p', { class: 'muted', attrs: { role: 'status' } });
  const author = h('input', {
    attrs: { type: 'text', value: authorName(), autocomplete: 'name', maxlength: 200 },
  });
  const note = h('input', { attrs: { type: 'text', maxlength: 2000 } });
  const date = h('input', {
    attrs: {
      type: 'text',
      value: ev.date ?? '',
      placeholder: 'YYYY, YYYY-MM, YYYY-MM-DD, or empty',
      maxlength: 30,
    },
  });
  const type = h(
    'select',
    {},
    ...PLOVER_TYPES.map((t) => h('option', { attrs: { value: t, selected: t === ev.type } }, t)),
  );
  const source = h('input', {
    attrs: { type: 'text', value: ev.source?.code ?? '', maxlength: 100 },
  });
  const target = h('input', {
    attrs: { type: 'text', value: ev.target?.code ?? '', maxlength: 100 },
  });

  const go = async (c: NewCorrection, button: HTMLButtonElement) => {
    const name = author.value.trim();
    keepAuthor(name);
    button.disabled = true;
    status.textContent = 'Saving…';
    try {
      await send({
        ...c,
        event: c.mention ? undefined : ev.id,
        author: name || undefined,
        note: note.value.trim() || undefined,
      });
      status.textContent = '';
    } catch (e) {
      status.textContent = `Not saved: ${(e as Error).message}`;
      status.setAttribute('role', 'alert');
    } finally {
      button.disabled = false;
    }
  };
  const button = (label: string, make: () => NewCorrection | null) => {
    const b = h('button', { attrs: { type: 'button' } }, label);
    b.addEventListener('click', () => {
      const c = make();
      if (c) void go(c, b);
    });
    return b;
  };
  const reject = button('Reject: not an event', () => ({ kind: 'reject' }));
  const saveDate = button('Save date', () => ({
    kind: 'date',
    value: { date: date.value.trim() || null },
  }));
  const saveType = button('Save type', () => ({ kind: 'type', value: { type: type.value } }));
  const saveWho = button('Save participants', () => ({
    kind: 'participants',
    value: { source: source.value.trim() || null, target: target.value.trim() || null },
  }));
  const rows = [
    h('div', { class: 'correct-row' }, field('Date', date), saveDate),
    h('div', { class: 'correct-row' }, field('Type', type), saveType),
    h('div', { class: 'correct-row' }, field('Source', source), field('Target', target), saveWho),
  ];
  // One source of several can be set apart: it is then an event of its own.
  const sources = ev.mentions.filter((m) => m.evidence);
  const splits =
    sources.length > 1
      ? h(
          'div',
          { class: 'correct-row' },
          ...sources.map((m) =>
            button(`Split off “${(m.documentTitle || 'Untitled document').slice(0, 40)}”`, () => ({
              kind: 'split',
              mention: { documentId: m.documentId, start: m.evidence!.start, end: m.evidence!.end },
            })),
          ),
        )
      : '';
  // Two events the extractor kept apart that are one: the same type first, nearest in the list.
  const other = h(
    'select',
    {},
    ...others.map((o) => h('option', { attrs: { value: o.id } }, o.label)),
  );
  const merge = others.length
    ? h(
        'div',
        { class: 'correct-row' },
        field('Same event as', other),
        button('Merge the two events', () =>
          other.value ? { kind: 'merge', value: { withEvent: other.value } } : null,
        ),
      )
    : '';
  return h(
    'details',
    { class: 'correct', attrs: { 'aria-label': 'Correct this event' } },
    h('summary', {}, 'Correct this event'),
    h(
      'p',
      { class: 'muted' },
      'Corrections are kept apart from what was extracted and applied again whenever the document is read again.',
    ),
    h('div', { class: 'correct-row' }, field('Your name', author), field('Note', note)),
    h('div', { class: 'correct-row' }, reject),
    ...rows,
    splits,
    merge,
    status,
  );
}
