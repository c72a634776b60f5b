// The card of the selected event: what, when, who, and every document that states it, each
// opening the document view on its sentence.
import type { ApiMention, ConflictClaim, NewCorrection, TimelineEvent } from './api.ts';
import { correctionForm, correctionsNote, type MergeCandidate } from './correct-event.ts';
import { formatDate, precisionOf } from './dates.ts';
import { append, h, replaceChildren } from './dom.ts';
import { participants } from './event-list.ts';
import { QUAD_COLOR, QUAD_LABEL } from './quads.ts';

/** The event card. `onMention` opens a mention in the document view. */
export class EventCard {
  readonly el: HTMLElement;
  private readonly heading = h('h2', { attrs: { id: 'card-heading' } }, 'Event');
  private readonly body = h('div', { class: 'card-body' });

  constructor(
    private readonly onMention: (m: ApiMention) => void,
    private readonly onClose: () => void,
    private readonly onClaim: (c: ConflictClaim) => void,
    private readonly onCorrect: (c: NewCorrection) => Promise<void>,
    private readonly mergeCandidates: (ev: TimelineEvent) => MergeCandidate[] = () => [],
  ) {
    const close = h(
      'button',
      { class: 'close', attrs: { type: 'button', 'aria-label': 'Close the event card' } },
      '×',
    );
    close.addEventListener('click', () => this.onClose());
    this.el = h(
      'section',
      { class: 'panel card-panel', attrs: { 'aria-labelledby': 'card-heading', hidden: true } },
      h('div', { class: 'card-head' }, this.heading, close),
      this.body,
    );
  }

  /** Shows `ev`, with mention `active` marked as the one in the document view. */
  show(ev: TimelineEvent, active: ApiMention | null): void {
    this.el.hidden = false;
    const corrected = ev.corrections?.length
      ? h('span', { class: 'badge corrected' }, ' corrected')
      : '';
    replaceChildren(
      this.heading,
      h('span', {
        class: 'dot',
        style: { background: QUAD_COLOR[ev.quad] },
        attrs: { 'aria-hidden': 'true' },
      }),
      `${ev.negated ? 'Not ' : ''}${ev.type}: ${participants(ev)}`,
      corrected,
    );
    const row = (k: string, ...v: (Node | string)[]) => [h('dt', {}, k), h('dd', {}, ...v)];
    const actorText = (a: TimelineEvent['source']) =>
      a ? `${a.name} (${a.code})${a.text && a.text !== a.name ? ` — “${a.text}”` : ''}` : '—';
    const dl = h(
      'dl',
      {},
      ...row(
        'Date',
        formatDate(ev.date),
        h('span', { class: 'muted' }, ` (${precisionOf(ev.date)})`),
      ),
      ...row(
        'Type',
        ev.type,
        ev.mode ? ` · mode ${ev.mode}` : '',
        h('span', { class: 'muted' }, ` · CAMEO ${ev.cameo}`),
      ),
      ...row('Class', QUAD_LABEL[ev.quad]),
      ...row('Source', actorText(ev.source)),
      ...row('Target', actorText(ev.target)),
      ...row('Participants', ev.actors.join(', ') || '—'),
      ...row(
        'Confidence',
        `${Math.round(ev.confidence * 100)}%${ev.negated ? ' · stated as not having happened' : ''}`,
      ),
    );
    const docs = h('ul', { class: 'mentions', attrs: { 'aria-labelledby': 'card-sources' } });
    for (const m of ev.mentions) {
      const label = `${m.documentTitle || 'Untitled document'}${m.documentDate ? ` (${m.documentDate})` : ''}`;
      const item = h('li', {});
      if (m.evidence) {
        const b = h(
          'button',
          {
            class: 'mention',
            attrs: { type: 'button', 'aria-current': m === active ? 'true' : undefined },
          },
          h('span', { class: 'mention-title' }, label),
          h('span', { class: 'mention-text' }, `“${m.evidence.text}”`),
        );
        b.addEventListener('click', () => this.onMention(m));
        append(item, b);
      } else {
        append(item, label, ' ');
        // Only http(s) links: a stored URL is data, and `javascript:` must not become a link.
        if (m.url && /^https?:\/\//i.test(m.url))
          append(
            item,
            h(
              'a',
              { attrs: { href: m.url, rel: 'noopener noreferrer', target: '_blank' } },
              'source',
            ),
          );
      }
      append(docs, item);
    }
    const n = ev.mentions.length;
    this.body.replaceChildren(
      dl,
      h(
        'h3',
        { attrs: { id: 'card-sources' } },
        `Mentioned in ${n} ${n === 1 ? 'place' : 'places'}`,
      ),
      docs,
    );
    if (ev.corrections?.length) this.body.append(correctionsNote(ev.corrections));
    // Only events with a text span can be corrected (GDELT rows have none).
    if (ev.mentions.some((m) => m.evidence))
      this.body.append(correctionForm(ev, this.onCorrect, this.mergeCandidates(ev)));
    if (ev.conflicts?.length)
      this.body.append(
        h('h3', { class: 'warn' }, 'The sources disagree'),
        conflictList(ev.conflicts, this.onClaim),
      );
  }

  /** Hides the card. */
  hide(): void {
    this.el.hidden = true;
  }
}

/** A list of conflicts, each claim a button that opens its sentence. */
export function conflictList(
  conflicts: readonly NonNullable<TimelineEvent['conflicts']>[number][],
  onClaim: (c: ConflictClaim) => void,
): HTMLElement {
  const ul = h('ul', { class: 'conflicts' });
  for (const c of conflicts) {
    const claims = h('ul', { class: 'claims' });
    for (const claim of c.claims) {
      const b = h(
        'button',
        { class: 'mention', attrs: { type: 'button' } },
        h('span', { class: 'mention-title' }, claim.documentTitle || 'Untitled document'),
        h('span', { class: 'mention-text' }, `“${claim.evidence.text}”`),
      );
      b.addEventListener('click', () => onClaim(claim));
      append(claims, h('li', {}, b));
    }
    append(ul, h('li', {}, h('p', { class: 'conflict-summary' }, c.summary), claims));
  }
  return ul;
}
