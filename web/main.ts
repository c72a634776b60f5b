// The explorer page: wires the panels to the API and to the URL. State flows one way: a control
// changes the URL state (`update`), and `render` draws every panel from it.
import './style.css';
import {
  getJson,
  postCorrection,
  sendJson,
  type NewCorrection,
  getTimeline,
  type ActorRef,
  type ActorSummary,
  type AddedDocument,
  type ApiMention,
  type ConflictClaim,
  type ConflictView,
  type ProspectItem,
  type DocumentFull,
  type DocumentSummary,
  type EventSummary,
  type SearchHit,
  type TimelineEvent,
} from './api.ts';
import { ActorOverview } from './actors.ts';
import { AddDocument } from './add-document.ts';
import { dayOf, formatDate, isoOf } from './dates.ts';
import { DocumentList } from './documents.ts';
import { DocumentView } from './document-view.ts';
import { append, byId, h, replaceChildren } from './dom.ts';
import { conflictList, EventCard } from './event-card.ts';
import { EventList, participants } from './event-list.ts';
import { FilterPanel, filterEvents, queryWords, type FilterChange } from './filters.ts';
import { QUAD_MEANING, TYPE_MEANING } from './glossary.ts';
import { QUAD_COLOR, QUAD_LABEL, QUADS } from './quads.ts';
import { PLOVER_TYPES } from '../src/extract/types.ts';
import { isPloverType, quadClass } from '../src/codes/plover.ts';
import { Timeline } from './timeline.ts';
import { exportQuery, readState, writeState, type ViewState } from './url-state.ts';

let state: ViewState = readState(location.search);
let actors: ActorSummary[] = [];
let documents: DocumentSummary[] = [];
let documentTotal = 0;
let all: EventSummary[] = [];
let byEventId = new Map<string, EventSummary>();
// Events opened so far, with their sources (`GET /api/events/:id`), by id; cleared with the pair.
let details = new Map<string, Promise<TimelineEvent>>();
let searchIds: Set<string> | null = null;
let searchHits: SearchHit[] = [];
let features = { prospects: false };
let conflicts: ConflictView[] = [];
let prospects: ProspectItem[] | null = null;
let pairNames: { a: ActorRef | null; b: ActorRef | null } = { a: null, b: null };
// The events the filters show, for the panels that follow them.
let shownIds = new Set<string>();
/** How many conflicts the pair has in all: the page shows the first page of them. */
let conflictTotal = 0;
const CONFLICT_PAGE = 100;

const banner = byId('banner');
const pickA = byId<HTMLSelectElement>('pick-a');
const pickB = byId<HTMLSelectElement>('pick-b');
const search = byId<HTMLInputElement>('q');
const health = byId('health');
const exportLinks = byId('export');

const timeline = new Timeline({
  onSelect: (id) => select(id),
  onView: (first, last) => {
    state.zoom = `${isoOf(Math.floor(first))},${isoOf(Math.ceil(last))}`;
    writeUrlSoon();
  },
});
const list = new EventList((id) => select(id));
const docView = new DocumentView((id, documentId) => void showEventOfDocument(id, documentId), {
  addEvent: (c) => correct(c),
  redate: async (id, date) => {
    await sendJson('PATCH', `/api/documents/${encodeURIComponent(id)}`, { date });
    await afterChange('', id);
  },
  remove: async (id) => {
    await sendJson('DELETE', `/api/documents/${encodeURIComponent(id)}`);
    if (state.doc === id) state.doc = '';
    await afterChange('', null);
  },
});
const card = new EventCard(
  (m) => void openMention(m),
  () => select(''),
  (c) => void openClaim(c),
  (c) => correct(c),
  (ev) =>
    all
      .filter((e) => e.id !== ev.id)
      .sort((x, y) => Number(y.type === ev.type) - Number(x.type === ev.type))
      .slice(0, 200)
      .map((e) => ({ id: e.id, label: `${e.date ?? 'undated'} ${e.type} ${participants(e)}` })),
);

/** Stores a correction, then shows the store as it is now, with the corrected event selected. */
async function correct(c: NewCorrection): Promise<void> {
  const r = await postCorrection(c);
  await afterChange(r.eventIds[0] ?? '', c.mention?.documentId ?? null);
}

/** After a write: every cached read is stale; reload the store's panels and the pair, select `ev`, reopen `doc`. */
async function afterChange(ev: string, doc: string | null): Promise<void> {
  docView.clear();
  details = new Map();
  await refreshStore();
  state.ev = ev;
  writeUrl();
  await loadPair();
  if (!ev) select('');
  if (doc && (!ev || !byEventId.has(ev))) void docView.show(doc, null);
}
const filters = new FilterPanel((c: FilterChange) => update(c));
const overview = new ActorOverview((code) =>
  update({ a: code, b: state.b === code ? '' : state.b }),
);
const addDoc = new AddDocument(onAdded);
const docList = new DocumentList((id) => {
  if (state.doc === id) update({ doc: '', ev: '' });
  else void focusDocument(id);
});
const hitsPanel = h('section', {
  class: 'panel hits-panel',
  attrs: { 'aria-labelledby': 'hits-heading', hidden: true },
});
const conflictsPanel = h('section', {
  class: 'panel conflicts-panel',
  attrs: { 'aria-labelledby': 'conflicts-heading', hidden: true },
});
const prospectsPanel = h('section', {
  class: 'panel prospects-panel',
  attrs: { 'aria-labelledby': 'prospects-heading', hidden: true },
});

function legend(): HTMLElement {
  const items = h(
    'ul',
    { class: 'legend', attrs: { 'aria-label': 'Legend' } },
    ...QUADS.map((q) =>
      h(
        'li',
        { attrs: { title: QUAD_MEANING[q] } },
        h('span', {
          class: 'swatch',
          style: { background: QUAD_COLOR[q] },
          attrs: { 'aria-hidden': 'true' },
        }),
        QUAD_LABEL[q],
      ),
    ),
    h(
      'li',
      { attrs: { title: 'The text says the event did not happen' } },
      h('span', { class: 'swatch hollow', attrs: { 'aria-hidden': 'true' } }),
      'Negated',
    ),
    h(
      'li',
      { attrs: { title: 'Documents give different dates, ranks or figures for the event' } },
      h('span', { class: 'tri', attrs: { 'aria-hidden': 'true' } }, '▲'),
      'Sources disagree',
    ),
  );
  // Hover titles do not reach touch screens or screen readers: the same words, one click away.
  const glossary = h(
    'details',
    { class: 'glossary' },
    h('summary', {}, 'What the classes and types mean'),
    h(
      'p',
      { class: 'muted' },
      'Events are typed in PLOVER 2.0, an open ontology of political events; each type belongs to one of four classes, from cooperation to conflict.',
    ),
    h(
      'dl',
      {},
      ...QUADS.flatMap((q) => [h('dt', {}, QUAD_LABEL[q]), h('dd', {}, QUAD_MEANING[q])]),
    ),
    h('dl', {}, ...PLOVER_TYPES.flatMap((t) => [h('dt', {}, t), h('dd', {}, TYPE_MEANING[t])])),
  );
  return h('div', { class: 'legend-row' }, items, glossary);
}

byId('timeline-slot').append(timeline.el, legend());
byId('side').append(
  overview.el,
  h(
    'section',
    { class: 'panel filters-panel', attrs: { 'aria-labelledby': 'filters-heading' } },
    h('h2', { attrs: { id: 'filters-heading' } }, 'Filters'),
    filters.el,
  ),
);
byId('add-slot').append(addDoc.el);
byId('detail').append(card.el, docView.el, docList.el);
byId('lists').append(hitsPanel, list.el, conflictsPanel, prospectsPanel);

let urlTimer = 0;
function writeUrlSoon(): void {
  // Wheel zooming changes the window many times a second; browsers throttle replaceState.
  clearTimeout(urlTimer);
  urlTimer = window.setTimeout(writeUrl, 200);
}

function writeUrl(): void {
  clearTimeout(urlTimer);
  history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
}

function showError(message: string): void {
  banner.hidden = !message;
  replaceChildren(banner, message);
}

/** Applies a change of state and redraws what depends on it. */
function update(patch: Partial<ViewState>): void {
  const pairChanged =
    (patch.a !== undefined && patch.a !== state.a) ||
    (patch.b !== undefined && patch.b !== state.b);
  state = { ...state, ...patch };
  if (pairChanged) {
    state.ev = patch.ev ?? '';
    state.zoom = patch.zoom ?? '';
  } else if (
    patch.types ||
    patch.quads ||
    patch.from !== undefined ||
    patch.to !== undefined ||
    patch.doc !== undefined ||
    patch.q !== undefined
  ) {
    // A new filter changes which events exist: fit the window to them.
    state.zoom = patch.zoom ?? '';
  }
  writeUrl();
  if (pairChanged) void loadPair();
  else render(false);
}

async function loadPair(draw = true): Promise<void> {
  const key = `${state.a}|${state.b}`;
  if (!state.a) {
    all = [];
  } else {
    try {
      // With words in the view, the events the server matches for them come along.
      const [r, matched] = await Promise.all([
        getTimeline({ a: state.a, b: state.b }),
        state.q ? getTimeline({ a: state.a, b: state.b, q: state.q }).catch(() => null) : null,
      ]);
      if (`${state.a}|${state.b}` !== key) return;
      searchIds = matched ? new Set(matched.events.map((e) => e.id)) : null;
      performance.mark('ties:timeline-parsed');
      all = r.events;
      // The server resolves names ("?a=azerbaijan"): keep its codes so the pickers and URL agree.
      state.a = r.a.code;
      state.b = r.b?.code ?? '';
      pairNames = { a: r.a, b: r.b };
      writeUrl();
      showError('');
    } catch (e) {
      all = [];
      showError(`Could not load the timeline: ${(e as Error).message}`);
    }
  }
  byEventId = new Map(all.map((e) => [e.id, e]));
  details = new Map();
  if (!draw) return;
  render(true);
  void loadProspects();
  void loadConflicts();
}

/** Fetches where the sources disagree for the pair and marks those events everywhere. */
async function loadConflicts(): Promise<void> {
  const key = `${state.a}|${state.b}`;
  let items: ConflictView[] = [];
  let total = 0;
  if (state.a) {
    try {
      // One page and the counts: a store with thousands of conflicts sends a hundred.
      ({ items, total } = await getJson<{ items: ConflictView[]; total: number }>(
        '/api/conflicts',
        { a: state.a, b: state.b, limit: CONFLICT_PAGE },
      ));
    } catch {
      // The timeline stands without them; the panel just stays hidden.
      items = [];
      total = 0;
    }
  }
  if (`${state.a}|${state.b}` !== key) return;
  conflicts = items;
  conflictTotal = total;
  for (const ev of all) ev.conflicts = undefined;
  for (const c of items) {
    for (const id of c.eventIds) {
      const ev = byEventId.get(id);
      if (ev) (ev.conflicts ??= []).push(c);
    }
  }
  timeline.redraw();
  list.refresh();
  renderConflicts();
  if (state.ev) select(state.ev, false);
}

/** Whether the view narrows the pair's events (types, classes, years, a document or words). */
function filtering(): boolean {
  return Boolean(
    state.types.length ||
      state.quads.length ||
      state.from ||
      state.to ||
      state.doc ||
      queryWords(state.q).length,
  );
}

/** Whether all words of the view's search occur in one of `texts`. */
function textMatches(...texts: (string | null | undefined)[]): boolean {
  const words = queryWords(state.q);
  const text = texts.filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

/**
 * The conflicts of the events the filters show. A conflict about no stored event (two figures,
 * say) passes a document or a search by its claims, and no filter on types, classes or years.
 */
function visibleConflicts(): ConflictView[] {
  if (!filtering()) return conflicts;
  return conflicts.filter((c) => {
    if (c.eventIds.length) return c.eventIds.some((id) => shownIds.has(id));
    if (state.types.length || state.quads.length || state.from || state.to) return false;
    if (state.doc && !c.claims.some((k) => k.documentId === state.doc)) return false;
    return textMatches(...c.claims.map((k) => k.evidence.text));
  });
}

function renderConflicts(): void {
  conflictsPanel.hidden = !conflicts.length;
  if (!conflicts.length) return;
  const shown = visibleConflicts();
  replaceChildren(
    conflictsPanel,
    h(
      'h2',
      { attrs: { id: 'conflicts-heading' } },
      'Where the sources disagree ',
      h(
        'span',
        { class: 'count' },
        shown.length === conflicts.length
          ? `(${conflicts.length}${conflictTotal > conflicts.length ? ` of ${conflictTotal}: the first page` : ''})`
          : `(${shown.length} of ${conflicts.length})`,
      ),
    ),
    shown.length
      ? conflictList(shown, (c) => void openClaim(c))
      : h('p', { class: 'muted' }, 'None about the events these filters show.'),
  );
}

async function openClaim(c: ConflictClaim): Promise<void> {
  await docView.show(c.documentId, c.evidence);
}

function viewFromState(): { first: number; last: number } | undefined {
  const [a, b] = state.zoom.split(',');
  const first = dayOf(a);
  const last = dayOf(b);
  return first !== null && last !== null && last > first ? { first, last } : undefined;
}

function renderPickers(): void {
  const options = (sel: HTMLSelectElement, value: string, empty: string) => {
    sel.replaceChildren(h('option', { attrs: { value: '' } }, empty));
    const seen = new Set<string>();
    for (const a of actors) {
      seen.add(a.code);
      append(
        sel,
        h(
          'option',
          { attrs: { value: a.code, selected: a.code === value } },
          `${a.name} · ${a.events} ${a.events === 1 ? 'event' : 'events'}`,
        ),
      );
    }
    if (value && !seen.has(value))
      append(sel, h('option', { attrs: { value, selected: true } }, value));
  };
  options(pickA, state.a, 'Choose a country…');
  options(pickB, state.b, 'Any partner');
}

/** Whose events the view holds, in words: "between Pakistan and Azerbaijan", "involving Chile". */
function scopeWords(): string {
  // The timeline's answer names the pair; the actor list may still be on its way.
  const name = (code: string) =>
    (code === pairNames.a?.code
      ? pairNames.a.name
      : code === pairNames.b?.code
        ? pairNames.b.name
        : null) ??
    actors.find((a) => a.code === code)?.name ??
    code;
  if (!state.a) return '';
  return state.b ? `between ${name(state.a)} and ${name(state.b)}` : `involving ${name(state.a)}`;
}

/** Draws every panel from `state` and the loaded events. */
function render(fitView: boolean): void {
  const shown = filterEvents(all, state, { searchIds });
  shownIds = new Set(shown.map((e) => e.id));
  timeline.setEvents(shown, fitView && !state.zoom ? undefined : viewFromState());
  list.setEvents(shown, all.length, scopeWords());
  renderPanels();
  if (state.ev) select(state.ev, false);
  else {
    card.hide();
    if (!state.doc) docView.hide();
  }
}

/** Draws the panels that depend on the store rather than on the loaded events alone. */
function renderPanels(): void {
  filters.render(all, state, documents);
  docList.render(documents, documentTotal, state.doc);
  renderPickers();
  overview.render(actors, [state.a, state.b].filter(Boolean));
  if (document.activeElement !== search) search.value = state.q;
  renderHits();
  renderExport();
  renderConflicts();
  renderProspects();
  const names = [pickA.selectedOptions[0], pickB.selectedOptions[0]]
    .filter((o) => o?.value)
    .map((o) => o!.textContent!.replace(/ · \d+ events?$/, ''));
  document.title = names.length ? `${names.join(' & ')} · ties explorer` : 'ties explorer';
}

/** An event with its sources, fetched once per pair. */
function detailOf(id: string): Promise<TimelineEvent> {
  let p = details.get(id);
  if (!p) {
    p = getJson<TimelineEvent>(`/api/events/${encodeURIComponent(id)}`);
    details.set(id, p);
    p.catch(() => details.delete(id));
  }
  return p;
}

let selectToken = 0;
function select(id: string, openDoc = true): void {
  if (state.ev !== id) {
    state.ev = id;
    writeUrl();
  }
  timeline.setSelected(id);
  list.setSelected(id);
  const token = ++selectToken;
  if (!byEventId.has(id)) {
    card.hide();
    docView.hide();
    return;
  }
  timeline.reveal(id);
  void detailOf(id).then(
    (ev) => {
      if (token !== selectToken) return;
      ev.conflicts = byEventId.get(id)?.conflicts;
      const mention =
        ev.mentions.find((m) => m.evidence && (!state.doc || m.documentId === state.doc)) ??
        ev.mentions.find((m) => m.evidence) ??
        null;
      card.show(ev, mention);
      if (openDoc || docView.el.hidden) {
        if (mention) void openMention(mention, ev);
        else docView.hide();
      }
    },
    (e: Error) => {
      if (token === selectToken) showError(`Could not open the event: ${e.message}`);
    },
  );
}

/** Selects an event whose sentence was clicked in a document, switching to its pair when needed. */
async function showEventOfDocument(id: string, documentId: string): Promise<void> {
  if (!byEventId.has(id)) {
    const found = (await docView.load(documentId)).events.find((e) => e.id === id);
    if (!found) return;
    const a = found.source?.code ?? found.actors[0] ?? '';
    const b = found.target?.code ?? found.actors.find((c) => c !== a) ?? '';
    state = { ...state, a, b, ev: id, zoom: '' };
    writeUrl();
    await loadPair();
    if (!byEventId.has(id)) return;
  }
  select(id, false);
  const ev = await detailOf(id);
  const m = ev.mentions.find((x) => x.documentId === documentId && x.evidence);
  if (m) await openMention(m, ev);
}

async function openMention(m: ApiMention, ev?: TimelineEvent): Promise<void> {
  const shown = ev ?? (state.ev ? await detailOf(state.ev).catch(() => undefined) : undefined);
  if (shown) card.show(shown, m);
  await docView.show(m.documentId, m.evidence);
}

/**
 * The events of the pair the server matches for `q` (`GET /api/timeline?q=`), the same set the
 * export of the view holds, and the sentences that match it (`GET /api/search`).
 */
async function searchFor(q: string): Promise<{ ids: Set<string>; hits: SearchHit[] }> {
  const [matched, hits] = await Promise.all([
    state.a ? getTimeline({ a: state.a, b: state.b, q }) : Promise.resolve({ events: [] }),
    getJson<{ items: SearchHit[] }>('/api/search', { q, limit: 50 }),
  ]);
  return { ids: new Set(matched.events.map((e) => e.id)), hits: hits.items };
}

let searchToken = 0;
async function runSearch(q: string): Promise<void> {
  const token = ++searchToken;
  if (!queryWords(q).length) {
    searchIds = null;
    searchHits = [];
    update({ q: '' });
    return;
  }
  try {
    const r = await searchFor(q);
    if (token !== searchToken) return;
    searchHits = r.hits;
    searchIds = r.ids;
  } catch (e) {
    if (token !== searchToken) return;
    // The page still filters by the events' own text; only the sentence list is lost.
    searchHits = [];
    searchIds = null;
    showError(`Search failed: ${(e as Error).message}`);
  }
  update({ q });
}

function highlightWords(text: string, words: string[]): Node[] {
  if (!words.length) return [document.createTextNode(text)];
  const re = new RegExp(
    `(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'gi',
  );
  return text
    .split(re)
    .map((part, i) => (i % 2 ? h('mark', {}, part) : document.createTextNode(part)));
}

function renderHits(): void {
  const words = queryWords(state.q);
  hitsPanel.hidden = !words.length;
  if (!words.length) return;
  const items = h('ul', { class: 'hits' });
  for (const hit of searchHits.slice(0, 20)) {
    const b = h(
      'button',
      { class: 'hit', attrs: { type: 'button' } },
      h('span', { class: 'mention-title' }, hit.documentTitle || 'Untitled document'),
      h('span', { class: 'hit-text' }, ...highlightWords(hit.text, words)),
    );
    b.addEventListener('click', () => {
      const ev = hit.eventIds.find((id) => byEventId.has(id));
      if (ev) select(ev, false);
      void docView.show(hit.documentId, { start: hit.start, end: hit.end });
    });
    append(items, h('li', {}, b));
  }
  replaceChildren(
    hitsPanel,
    h(
      'h2',
      { attrs: { id: 'hits-heading' } },
      `Sentences matching “${state.q}” `,
      h('span', { class: 'count' }, `(${searchHits.length})`),
    ),
    searchHits.length ? items : h('p', { class: 'muted' }, 'No sentence in the store matches.'),
  );
}

function renderExport(): void {
  exportLinks.hidden = !state.a;
  if (exportLinks.hidden) return;
  const link = (format: string, label: string) =>
    h('a', { attrs: { href: `/api/export?${exportQuery(state, format)}`, download: '' } }, label);
  const what = filtering() ? 'Export the filtered view' : 'Export';
  replaceChildren(
    exportLinks,
    `${what}: `,
    link('csv', 'CSV'),
    ' ',
    link('json', 'JSON'),
    ' ',
    link('timelinejs', 'TimelineJS'),
    ' ',
    link('gdelt', 'GDELT'),
  );
}

async function loadProspects(): Promise<void> {
  // Prospects come from another engineer's endpoint; the panel appears once the API's OpenAPI
  // document lists it (probing a missing route would log a failed request).
  prospects = null;
  prospectsPanel.hidden = !features.prospects || !state.a;
  if (prospectsPanel.hidden) return;
  const key = `${state.a}|${state.b}`;
  let items: ProspectItem[];
  try {
    items = (await getJson<{ items: ProspectItem[] }>('/api/prospects', { a: state.a, b: state.b }))
      .items;
  } catch {
    prospectsPanel.hidden = true;
    return;
  }
  if (`${state.a}|${state.b}` !== key) return;
  prospects = items;
  renderProspects();
}

/** The prospects the filters keep: by type, class, the years of their date, document and words. */
function visibleProspects(items: readonly ProspectItem[]): ProspectItem[] {
  if (!filtering()) return items.slice();
  const from = state.from ? Number(state.from) : null;
  const to = state.to ? Number(state.to) : null;
  return items.filter((p) => {
    if (state.types.length && !state.types.includes(p.type)) return false;
    if (state.quads.length && !(isPloverType(p.type) && state.quads.includes(quadClass(p.type))))
      return false;
    if (from !== null || to !== null) {
      // "1920/1929" reaches from its first year to its last; undated ones fall outside any range.
      const [a, b] = (p.date ?? '').split('/');
      if (!a) return false;
      const first = Number(a.slice(0, 4));
      const last = Number((b ?? a).slice(0, 4));
      if ((from !== null && last < from) || (to !== null && first > to)) return false;
    }
    if (state.doc && p.documentId !== state.doc && p.fulfilledBy?.documentId !== state.doc)
      return false;
    return textMatches(p.evidence.text, p.fulfilledBy?.evidence?.text);
  });
}

function renderProspects(): void {
  if (!prospects || prospectsPanel.hidden) return;
  const items = visibleProspects(prospects);
  const list = h('ul', { class: 'prospects' });
  for (const p of items) {
    const open = h(
      'button',
      { class: 'mention', attrs: { type: 'button' } },
      h(
        'span',
        { class: 'mention-title' },
        `${p.kind} · ${p.type} · ${p.date ? formatDate(p.date) : 'undated'} · ${p.status}`,
      ),
      h(
        'span',
        { class: 'mention-text' },
        `“${p.evidence.text}” — ${p.documentTitle || 'Untitled document'}`,
      ),
    );
    open.addEventListener('click', () => void docView.show(p.documentId, p.evidence));
    const row = h('li', {}, open);
    const done = p.fulfilledBy;
    if (done && byEventId.has(String(done.eventId))) {
      const b = h(
        'button',
        { class: 'linkish', attrs: { type: 'button' } },
        `Fulfilled by ${done.type} (${done.date ?? 'undated'})`,
      );
      b.addEventListener('click', () => select(String(done.eventId)));
      row.append(b);
    }
    append(list, row);
  }
  const open = items.filter((p) => p.status === 'open').length;
  const filtered = items.length !== prospects.length;
  replaceChildren(
    prospectsPanel,
    h(
      'h2',
      { attrs: { id: 'prospects-heading' } },
      'Plans, proposals and hopes ',
      h(
        'span',
        { class: 'count' },
        `(${open} open of ${items.length}${filtered ? `; ${prospects.length} in all` : ''})`,
      ),
    ),
    items.length
      ? list
      : h(
          'p',
          { class: 'muted' },
          filtered ? 'None these filters keep.' : 'None for this selection.',
        ),
  );
}

async function loadActors(): Promise<void> {
  actors = (await getJson<{ items: ActorSummary[] }>('/api/actors')).items;
}

async function loadDocuments(): Promise<void> {
  const r = await getJson<{ items: DocumentSummary[]; total: number }>('/api/documents', {
    limit: 500,
  });
  documents = r.items;
  documentTotal = r.total;
  renderAbout();
}

let storeTotals: { documents: number; events: number } | null = null;

async function loadHealth(): Promise<void> {
  storeTotals = await getJson<{ ok: boolean; documents: number; events: number }>('/api/health');
  renderAbout();
}

/** The line under the title: what ties is, and where this store's events came from. */
function renderAbout(): void {
  const what =
    'Sourced timelines of the relations between countries, read from writing about them.';
  if (!storeTotals) return replaceChildren(health, what);
  const { documents: d, events: e } = storeTotals;
  const n = (k: number, one: string) => `${k.toLocaleString('en')} ${one}${k === 1 ? '' : 's'}`;
  const titles = documents.slice(0, 2).map((x) => `“${x.title || 'Untitled document'}”`);
  const rest = d - titles.length;
  const from = titles.length
    ? `: ${titles.join(rest > 0 ? ', ' : ' and ')}${rest > 0 ? ` and ${n(rest, 'more')}` : ''}`
    : '';
  replaceChildren(health, `${what} This store: ${n(e, 'event')} from ${n(d, 'document')}${from}.`);
}

async function refreshStore(): Promise<void> {
  await Promise.all([loadActors(), loadDocuments(), loadHealth()]);
}

async function onAdded(r: AddedDocument): Promise<void> {
  docView.clear();
  await refreshStore();
  await focusDocument(r.document.id, true);
}

/** Narrows the view to one document's events, switching to its own pair when it is not about the current one. */
async function focusDocument(id: string, stored = false): Promise<void> {
  let doc: DocumentFull;
  try {
    doc = await docView.load(id);
  } catch (e) {
    showError(`Could not open the document: ${(e as Error).message}`);
    return;
  }
  const involvesPair = (e: TimelineEvent) =>
    e.actors.includes(state.a) && (!state.b || e.actors.includes(state.b));
  const patch: Partial<ViewState> = {
    doc: doc.id,
    ev: '',
    zoom: '',
    types: [],
    quads: [],
    from: '',
    to: '',
    q: '',
  };
  if (doc.events.length && !doc.events.some(involvesPair)) {
    // Show the document's own main pair: the two actors it names in the most events.
    const count = new Map<string, number>();
    for (const e of doc.events)
      for (const c of new Set(e.actors)) count.set(c, (count.get(c) ?? 0) + 1);
    const top = [...count].sort((x, y) => y[1] - x[1]).map(([c]) => c);
    patch.a = top[0] ?? '';
    patch.b = top[1] ?? '';
  }
  const pairChanged =
    (patch.a !== undefined && patch.a !== state.a) ||
    (patch.b !== undefined && patch.b !== state.b);
  state = { ...state, ...patch };
  searchIds = null;
  searchHits = [];
  writeUrl();
  // A document just stored may add events to the current pair too: its timeline is read again.
  if (pairChanged || stored) await loadPair();
  else render(true);
  void docView.show(doc.id, null);
}

function defaultPair(): void {
  if (state.a || !actors.length) return;
  // The most active pair of states is the natural first view; organisations come after.
  const states = actors.filter((a) => a.kind !== 'organisation');
  const pool = states.length ? states : actors;
  state.a = pool[0]?.code ?? '';
  state.b = pool[1]?.code ?? '';
}

async function detectFeatures(): Promise<void> {
  try {
    const spec = await getJson<{ paths?: Record<string, unknown> }>('/api/openapi.json');
    const paths = Object.keys(spec.paths ?? {});
    features = { prospects: paths.some((p) => p.startsWith('/api/prospects')) };
  } catch {
    features = { prospects: false };
  }
}

pickA.addEventListener('change', () =>
  update({ a: pickA.value, b: pickB.value === pickA.value ? '' : pickB.value }),
);
pickB.addEventListener('change', () => update({ b: pickB.value }));
byId('swap').addEventListener('click', () => {
  if (state.b) update({ a: state.b, b: state.a });
});
let typing = 0;
search.addEventListener('input', () => {
  clearTimeout(typing);
  typing = window.setTimeout(() => void runSearch(search.value.trim()), 250);
});
byId('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(typing);
  void runSearch(search.value.trim());
});
// A file dropped anywhere on the page goes to the add-document form (the browser would
// otherwise navigate away to show it).
window.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
window.addEventListener('drop', (e) => {
  const f = e.dataTransfer?.files[0];
  if (!f || e.defaultPrevented) return;
  e.preventDefault();
  void addDoc.acceptFile(f);
});
document.addEventListener('keydown', (e) => {
  if (
    e.key === '/' &&
    !(
      e.target instanceof HTMLInputElement ||
      e.target instanceof HTMLTextAreaElement ||
      e.target instanceof HTMLSelectElement
    )
  ) {
    e.preventDefault();
    search.focus();
  }
  if (e.key === 'Escape' && state.ev && !(e.target instanceof HTMLTextAreaElement)) select('');
});

async function start(): Promise<void> {
  const failed = (e: unknown) => showError(`Could not reach the ties API: ${(e as Error).message}`);
  // Only the actor list can hold up the timeline (it picks the default pair). The other panels'
  // requests go out after the timeline's: the server answers one at a time, in arrival order.
  const actorsP = loadActors().catch(failed);
  if (!state.a) {
    await actorsP;
    defaultPair();
  }
  writeUrl();
  const timelineP = loadPair(false);
  const rest = Promise.all([loadDocuments(), loadHealth(), detectFeatures()]).catch(failed);
  const searched = state.q
    ? getJson<{ items: SearchHit[] }>('/api/search', { q: state.q, limit: 50 }).then(
        (r) => (searchHits = r.items),
        () => (searchHits = []),
      )
    : null;
  await Promise.all([timelineP, searched]);
  render(true);
  // The first render is measured by bench/web.ts and awaited by the end-to-end tests.
  performance.mark('ties:first-render');
  await Promise.all([actorsP, rest]);
  renderPanels();
  // An empty store has nothing to explore yet: start with the form that fills it.
  if (documentTotal === 0) (addDoc.el as HTMLDetailsElement).open = true;
  void loadProspects();
  void loadConflicts();
  if (state.doc && !state.ev) void docView.show(state.doc, null);
  document.body.dataset.ready = 'true';
}

void start();
