// The explorer's view of the HTTP API (docs/api.md). Types mirror the JSON the server sends;
// every request goes through `getJson`/`postDocument` so errors reach the user as words.
import type { QuadClass } from '../src/codes/plover.ts';
import type { PloverType } from '../src/extract/types.ts';
// The API's own types, so the page cannot drift from what the server sends (types only: nothing
// of the server is bundled).
import type {
  CompactTimeline,
  TimelineActor,
  TimelineEvent as ServerTimelineEvent,
  TimelineMention,
} from '../src/services/events.service.ts';
import type { ActorRef } from '../src/services/actors.service.ts';
// A pure function: the page derives the dates the compact timeline leaves out exactly as the server does.
import { impliedDate } from '../src/store/days.ts';
import type { SearchHit } from '../src/services/search.service.ts';
import type { listActors } from '../src/services/actors.service.ts';
import type { ConflictView } from '../src/services/conflicts.service.ts';
import type { DocumentItem } from '../src/services/documents.service.ts';
import type { ProspectItem } from '../src/services/prospects.service.ts';

export type { ActorRef };

/** A participant of an event as the API sends it. */
export type ApiActorRef = TimelineActor;

/** Where one document states an event. `evidence` is null for imported events (they carry `url`). */
export type ApiMention = TimelineMention;

/** One merged event with its sources (`GET /api/events/:id`, a document's events), with what the page adds. */
export interface TimelineEvent extends Omit<ServerTimelineEvent, 'quad'> {
  quad: QuadClass;
  /** Where the sources disagree about this event, from `GET /api/conflicts` (set by the page). */
  conflicts?: ConflictView[];
}

/**
 * One event as the timeline, the list and the filters see it: a row of the compact
 * `GET /api/timeline`. Its sources, mode, CAMEO code and confidence are fetched when it is opened.
 */
export interface EventSummary {
  id: string;
  type: PloverType;
  quad: QuadClass;
  date: string | null;
  /** First and last day (days since 1970-01-01), null when undated. */
  first: number | null;
  last: number | null;
  source: ActorRef | null;
  target: ActorRef | null;
  actors: string[];
  negated: boolean;
  /** How many documents state it. */
  mentionCount: number;
  documentIds: string[];
  /** The start of its first evidence sentence. */
  text: string;
  conflicts?: ConflictView[];
  /** True when a user corrected it. */
  corrected?: boolean;
}

/** A row of `GET /api/documents`. */
export type DocumentSummary = DocumentItem;

/** `GET /api/documents/:id`. */
export interface DocumentFull extends Omit<DocumentSummary, 'events'> {
  text: string;
  events: TimelineEvent[];
}

/** A row of `GET /api/actors`. */
export type ActorSummary = ReturnType<typeof listActors>[number];

/** A pair's whole timeline, every page of `GET /api/timeline` read and decoded. */
export interface TimelineResponse {
  a: ActorRef;
  b: ActorRef | null;
  events: EventSummary[];
}

/** Decodes one page of the compact timeline into events. */
export function decodeTimeline(page: CompactTimeline): EventSummary[] {
  const e = page.events;
  const actor = (i: number): ActorRef | null => page.actors[i] ?? null;
  const out: EventSummary[] = new Array(e.id.length);
  const corrected = new Set(page.corrected ?? []);
  for (let i = 0; i < e.id.length; i++) {
    const first = e.first[i] ?? null;
    const last = e.last[i] ?? null;
    out[i] = {
      id: String(e.id[i]),
      type: page.types[e.type[i]!]!,
      quad: page.quads[e.quad[i]!]!,
      date: e.date[i] || (first === null || last === null ? null : impliedDate(first, last)),
      first,
      last,
      source: actor(e.source[i]!),
      target: actor(e.target[i]!),
      actors: e.actors[i]!.map((k) => page.actors[k]!.code),
      negated: e.negated[i] === 1,
      mentionCount: e.mentions[i]!,
      documentIds: e.documents[i]!.map((k) => page.documents[k]!),
      text: e.text[i]!,
      ...(corrected.has(e.id[i]!) ? { corrected: true } : {}),
    };
  }
  return out;
}

/** Reads every page of `GET /api/timeline` for `params` (`a`, `b`, `q`…). */
export async function getTimeline(
  params: Record<string, string | undefined>,
): Promise<TimelineResponse> {
  const events: EventSummary[] = [];
  let cursor: string | undefined;
  for (;;) {
    // The browser revalidates with the ETag: an unchanged store answers 304 and the cached page is used.
    // The largest page the server gives: one request (one sort of the pair's events) up to 10,000.
    const page = await getJson<CompactTimeline>('/api/timeline', {
      ...params,
      limit: 10_000,
      cursor,
    });
    for (const ev of decodeTimeline(page)) events.push(ev);
    if (!page.next) return { a: page.a, b: page.b, events };
    cursor = page.next;
  }
}

/** A place where the sources disagree (`GET /api/conflicts`), and one of its claims: what a document says, where. */
export type { ConflictView };
export type ConflictClaim = ConflictView['claims'][number];

/** A plan, proposal, hope or pending deal (`GET /api/prospects`), open or fulfilled by an event. */
export type { ProspectItem };

/** A hit of `GET /api/search`. */
export type { SearchHit };

/** `POST /api/documents` → 201. */
export interface AddedDocument {
  document: { id: string; title: string | null; date: string | null };
  added: boolean;
  events: number;
}

/** A failed request, with the server's message when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function readError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message)
      return new ApiError(res.status, body.error.code ?? 'ERROR', body.error.message);
  } catch {
    // Not JSON (a proxy's page, say): fall back to the status line.
  }
  return new ApiError(
    res.status,
    'HTTP',
    `The server answered ${res.status} ${res.statusText}`.trim(),
  );
}

// A server listening beyond loopback needs its token (`ties serve --token`): the page asks for it
// once, keeps it for this browser, and sends it with every request (decision 0012).
const TOKEN_KEY = 'ties.token';
let asking: Promise<string | null> | null = null;

function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

// One prompt however many requests were refused at once; a wrong token is asked for again.
function askToken(): Promise<string | null> {
  asking ??= Promise.resolve().then(() => {
    const t =
      window
        .prompt('This ties server needs its token (from `ties serve --token` or TIES_TOKEN):')
        ?.trim() || null;
    try {
      if (t) localStorage.setItem(TOKEN_KEY, t);
      else localStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage refused (a private window): the token still serves this page.
    }
    asking = null;
    return t;
  });
  return asking;
}

let pageToken: string | null = null;

// Plain links (the export downloads) cannot send a header: the token goes as a same-site-only
// cookie too, which no other site's request carries.
function keepCookie(token: string | null): void {
  if (token) document.cookie = `ties-token=${encodeURIComponent(token)}; path=/; SameSite=Strict`;
}

// Sends a request with the token when there is one; asked for once on 401, then retried.
async function send(url: string, init: RequestInit): Promise<Response> {
  const withToken = (token: string | null): RequestInit => {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return { ...init, headers };
  };
  const token = pageToken ?? storedToken();
  keepCookie(token);
  const res = await fetch(url, withToken(token));
  if (res.status !== 401) return res;
  const fresh = await askToken();
  if (!fresh) return res;
  pageToken = fresh;
  keepCookie(fresh);
  return fetch(url, withToken(fresh));
}

/** GETs `path` with `params` (empty values dropped) and parses the JSON answer. */
export async function getJson<T>(
  path: string,
  params: Record<string, string | number | undefined> = {},
): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  let res: Response;
  try {
    res = await send(qs ? `${path}?${qs}` : path, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the ties server. Is `ties serve` running?');
  }
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}

/** What the add-document form sends: pasted text, or a file's text with its name. */
export interface NewDocument {
  text: string;
  title?: string;
  date?: string;
  /** The dropped file's name: the server picks the reader from its extension. */
  name?: string;
  format?: 'txt' | 'md' | 'html';
}

const MEDIA_TYPE = { txt: 'text/plain', md: 'text/markdown', html: 'text/html' } as const;

/**
 * POSTs a document: a form with the file for files (so the server sees the name and format),
 * JSON for pasted text. The server takes writes in these two body types only.
 */
export async function postDocument(doc: NewDocument): Promise<AddedDocument> {
  let res: Response;
  try {
    if (doc.name && doc.format) {
      const form = new FormData();
      form.set(
        'file',
        new File([doc.text], doc.name, { type: `${MEDIA_TYPE[doc.format]};charset=utf-8` }),
      );
      form.set('format', doc.format);
      if (doc.title) form.set('title', doc.title);
      if (doc.date) form.set('date', doc.date);
      res = await send('/api/documents', {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: form,
      });
    } else {
      const body: Record<string, string> = { text: doc.text };
      if (doc.title) body.title = doc.title;
      if (doc.date) body.date = doc.date;
      if (doc.format) body.format = doc.format;
      res = await send('/api/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    }
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the ties server to add the document.');
  }
  if (!res.ok) throw await readError(res);
  return (await res.json()) as AddedDocument;
}

/** A correction as the card shows it (`corrections` of an event). */
export type ApiCorrection = NonNullable<ServerTimelineEvent['corrections']>[number];

/** What a correction request sends (`POST /api/corrections`). */
export interface NewCorrection {
  kind: 'reject' | 'type' | 'date' | 'participants' | 'split' | 'merge' | 'add';
  event?: string;
  mention?: { documentId: string; start: number; end: number };
  value?: {
    type?: string;
    mode?: string | null;
    date?: string | null;
    source?: string | null;
    target?: string | null;
    actors?: string[];
    withEvent?: string;
  };
  note?: string;
  author?: string;
}

/** Sends a JSON write (the only body type, with multipart, the server takes for writes) and parses the answer. */
export async function sendJson<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await send(path, {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the ties server to save the change.');
  }
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}

/** Stores a correction; resolves to the events that hold the corrected mentions now. */
export function postCorrection(c: NewCorrection): Promise<{ eventIds: string[] }> {
  return sendJson('POST', '/api/corrections', c);
}
