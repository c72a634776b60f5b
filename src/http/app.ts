// The HTTP face of the services: a JSON API under /api/ and the explorer page at /. Routes stay
// thin (validate, call a service, shape JSON); errors become `{error: {code, message}}` in onError.
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isTiesError, TiesError } from '../errors.ts';
import { listActors } from '../services/actors.service.ts';
import { documentPage, documentWithEvents, totals } from '../services/documents.service.ts';
import {
  compactTimeline,
  eventDetail,
  eventsQueryOf,
  listEvents,
  stats,
} from '../services/events.service.ts';
import { ingestDocument, ingestDocumentOffThread } from '../services/ingest.service.ts';
import type { ExtractPool } from '../services/workers/extract-pool.ts';
import {
  documentBody,
  documentMeta,
  eventsQuery,
  paging,
  QUADS,
  searchQuery,
  statsQuery,
  timelineQuery,
  validate,
} from '../services/schemas.ts';
import { PLOVER_TYPES } from '../extract/types.ts';
import { search } from '../services/search.service.ts';
import { countMentions } from '../store/events.repo.ts';
import type { Db } from '../store/db.ts';
import {
  Actor,
  Document,
  DocumentItem,
  errors,
  ok,
  registerOpenApiRoute,
  describedApp,
  SearchHit,
  TimelineEvent,
} from './openapi.ts';
import { registerExportRoute } from './export.route.ts';
import { registerConflictsRoute } from './conflicts.route.ts';
import { registerProspectsRoute } from './prospects.route.ts';
import { registerCorrectionsRoutes } from './corrections.route.ts';
import { consent, securityHeaders } from './consent.ts';
import { responseCache, type ResponseCache } from './response-cache.ts';

/** Options of `createApp`. */
export interface AppOptions {
  db: Db;
  /** Folder of the built explorer page (`dist/web`); a placeholder is served when it has no index.html. */
  webRoot?: string;
  /** Largest accepted document body in bytes (default 5 MB). */
  maxBodyBytes?: number;
  /** Extraction threads for posted documents; without, they are extracted on the event loop. */
  pool?: Pick<ExtractPool, 'run'>;
  /** The address listened on: its names join the loopback ones the Host header may name. */
  host?: string;
  /** The bearer token every `/api/` request must carry (required off loopback). */
  token?: string;
  /** The cache of read answers (one over `db` when not given); the server answers from it too. */
  cache?: ResponseCache;
}

/** The largest document `POST /api/documents` accepts by default. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const MEDIA_FORMAT: Record<string, 'txt' | 'md' | 'html'> = {
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'text/html': 'html',
};

const errorBody = (code: string, message: string) => ({ error: { code, message } });

// Read routes whose answer depends on the URL and the store alone: served from the response
// cache (one body per URL and store version) with the store's ETag.
const CACHED = [
  '/api/health',
  '/api/timeline',
  '/api/events',
  '/api/events/*',
  '/api/conflicts',
  '/api/stats',
  '/api/actors',
  '/api/search',
  '/api/figures',
  '/api/stances',
  '/api/prospects',
];

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ties</title></head>
<body><h1>ties</h1>
<p>The explorer page is not built. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it first), then reload.</p>
<p>The JSON API is up: <a href="/api/health">/api/health</a>, described in <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>`;

type Input = Parameters<typeof ingestDocument>[1];

// `{text, title?, date?, format?, name?}` as JSON.
async function jsonInput(c: Context): Promise<Input> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new TiesError('INVALID', 'the body is not valid JSON');
  }
  const doc = validate(documentBody, body);
  return { text: doc.text, title: doc.title, date: doc.date, format: doc.format, name: doc.name };
}

// A form with a `file` (its name and type pick the reader) or a `text` field, and the same
// optional title, date, name and format fields as JSON.
async function formInput(c: Context): Promise<Input> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw new TiesError('INVALID', 'the body is not valid multipart/form-data');
  }
  const field = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const meta = validate(documentMeta, {
    title: field('title'),
    date: field('date'),
    name: field('name'),
    format: field('format'),
  });
  const file = form.get('file');
  if (file !== null && typeof file !== 'string') {
    const type = file.type.split(';')[0]!.trim().toLowerCase();
    const bytes = new Uint8Array(await file.arrayBuffer());
    return {
      bytes,
      title: meta.title,
      date: meta.date,
      name: meta.name ?? (file.name || undefined),
      format: meta.format ?? MEDIA_FORMAT[type],
    };
  }
  const text = form.get('text');
  if (typeof text !== 'string')
    throw new TiesError('INVALID', 'the form needs a file field or a text field');
  return { text, title: meta.title, date: meta.date, name: meta.name, format: meta.format };
}

/** Builds the Hono app over an open database. */
export function createApp(options: AppOptions): OpenAPIHono {
  const { db } = options;
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const app = describedApp();

  app.onError((err, c) => {
    if (isTiesError(err)) return c.json(errorBody(err.code, err.message), err.status as 400);
    console.error(err);
    return c.json(errorBody('INTERNAL', 'internal error'), 500);
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json(errorBody('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404)
      : c.text('Not found', 404),
  );

  // Before every route, so that a write route added later cannot forget them (decision 0012).
  app.use('*', securityHeaders(), consent({ host: options.host, token: options.token }));
  const cache = (options.cache ?? responseCache(db)).middleware;
  for (const path of CACHED) app.use(path, cache);

  const health = z.object({
    ok: z.literal(true),
    documents: z.number().int(),
    events: z.number().int(),
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      summary: 'Liveness and totals',
      responses: ok(health),
    }),
    (c) => c.json({ ok: true as const, ...totals(db) }, 200),
  );

  const documentList = z.object({ items: z.array(DocumentItem), total: z.number().int() });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents',
      summary: 'Documents, newest first',
      request: { query: z.object(paging) },
      responses: { ...ok(documentList), ...errors(400) },
    }),
    (c) => {
      const { limit, offset } = c.req.valid('query');
      return c.json(documentPage(db, limit, offset), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}',
      summary: 'One document with its text and events',
      request: { params: z.object({ id: z.string().meta({ description: 'sha256 of the text' }) }) },
      responses: { ...ok(Document), ...errors(404) },
    }),
    (c) => c.json(documentWithEvents(db, c.req.valid('param').id), 200),
  );

  // Its body is read by hand (JSON or a multipart form, checked with documentBody and
  // documentMeta): the route is described from those schemas rather than validated by the hook.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/documents',
    summary:
      'Add a document (JSON, or a multipart form with a file or text field); writes from another site are refused',
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: documentBody },
          'multipart/form-data': {
            schema: documentMeta.extend({
              file: z
                .string()
                .meta({
                  format: 'binary',
                  description: 'The document (its name and type pick the reader)',
                })
                .optional(),
              text: z.string().optional(),
            }),
          },
        },
      },
    },
    responses: {
      201: {
        description: 'Added',
        content: {
          'application/json': {
            schema: z.object({
              document: DocumentItem.omit({ events: true }),
              added: z.literal(true),
              events: z.number().int(),
            }),
          },
        },
      },
      200: {
        description: 'Already stored (same text)',
        content: {
          'application/json': {
            schema: z.object({
              document: DocumentItem.omit({ events: true }),
              added: z.literal(false),
              events: z.number().int(),
            }),
          },
        },
      },
      ...errors(400, 401, 403, 413, 415, 422),
    },
  });
  app.post(
    '/api/documents',
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        c.json(
          errorBody(
            'TOO_LARGE',
            `the document is over the ${Math.round(maxBytes / 1024 / 1024)} MB limit`,
          ),
          413,
        ),
    }),
    async (c) => {
      // The consent middleware let only JSON and multipart bodies this far.
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const input = mediaType === 'application/json' ? await jsonInput(c) : await formInput(c);
      const outcome = options.pool
        ? await ingestDocumentOffThread(db, { ...input, kind: 'text' }, options.pool)
        : ingestDocument(db, { ...input, kind: 'text' });
      const { path: _path, kind: _kind, ...document } = outcome.document;
      const events = outcome.added ? outcome.events : countMentions(db, document.id);
      return c.json({ document, added: outcome.added, events }, outcome.added ? 201 : 200);
    },
  );

  const eventList = z.object({ items: z.array(TimelineEvent), total: z.number().int() });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      summary: 'Events, filtered and paged, in date order (undated last)',
      request: { query: eventsQuery },
      responses: { ...ok(eventList), ...errors(400, 404) },
    }),
    (c) => {
      const q = c.req.valid('query');
      const filter = eventsQueryOf(q);
      return c.json(listEvents(db, filter, q.limit, q.offset), 200);
    },
  );

  const ints = z.array(z.number().int());
  const CompactTimeline = z.object({
    a: Actor,
    b: Actor.nullable(),
    total: z.number().int().meta({ description: 'Events of the whole view' }),
    next: z.string().nullable().meta({ description: 'Cursor of the next page; null on the last' }),
    actors: z.array(Actor),
    types: z.array(z.enum(PLOVER_TYPES)),
    quads: z.array(z.enum(QUADS)),
    documents: z.array(z.string()).meta({ description: 'Document ids' }),
    corrected: ints.meta({ description: 'Ids of the events of this page a user corrected' }),
    events: z
      .object({
        id: ints,
        type: ints.meta({ description: 'Index into types' }),
        quad: ints.meta({ description: 'Index into quads' }),
        date: z.array(z.union([z.string(), z.literal(0)])).meta({
          description: 'The date, or 0 when undated or the day, month or year first–last spans',
        }),
        first: z
          .array(z.number().int().nullable())
          .meta({ description: 'First day, in days since 1970-01-01' }),
        last: z.array(z.number().int().nullable()),
        source: ints.meta({ description: 'Index into actors, -1 when none' }),
        target: ints,
        actors: z.array(ints),
        negated: ints,
        mentions: ints,
        documents: z.array(ints).meta({ description: 'Indexes into documents' }),
        text: z.array(z.string()).meta({ description: 'Start of the first evidence sentence' }),
      })
      .meta({
        description: 'Parallel arrays, one entry per event; numbers index the tables above',
      }),
  });
  const timelineRoute = createRoute({
    method: 'get',
    path: '/api/timeline',
    summary:
      'One page of the compact timeline of a pair (or of everything involving a), date order, undated last. ' +
      'Sends an ETag: with If-None-Match, an unchanged store answers 304',
    request: { query: timelineQuery },
    responses: {
      ...ok(CompactTimeline),
      304: { description: 'Not modified: the store is unchanged since the ETag' },
      ...errors(400, 404),
    },
  });
  // The page asks again on every visit: the response cache answers 304 for an unchanged store
  // before any query runs, and serves a page it made before as it is.
  app.openapi(timelineRoute, (c) => {
    const q = c.req.valid('query');
    const filter = eventsQueryOf(q);
    return c.json(compactTimeline(db, filter, q.limit, q.cursor ?? null), 200);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}',
      summary: 'One event with its sources (what the compact timeline leaves out)',
      request: { params: z.object({ id: z.string().meta({ description: 'Event id' }) }) },
      responses: { ...ok(TimelineEvent), ...errors(404) },
    }),
    (c) => c.json(eventDetail(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Full-text search over sentences: every word must occur, the last as a prefix',
      request: { query: searchQuery },
      responses: { ...ok(z.object({ items: z.array(SearchHit) })), ...errors(400) },
    }),
    (c) => {
      const q = c.req.valid('query');
      return c.json({ items: search(db, q.q, q.limit) }, 200);
    },
  );

  const actorList = z.object({
    items: z.array(
      Actor.extend({ kind: z.enum(['state', 'organisation']), events: z.number().int() }),
    ),
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/actors',
      summary: 'Actors with their event counts, most first',
      responses: ok(actorList),
    }),
    (c) => c.json({ items: listActors(db) }, 200),
  );

  const statsBody = z.object({
    byYear: z.array(
      z.object({
        year: z.number().int(),
        total: z.number().int(),
        quads: z
          .partialRecord(z.enum(QUADS), z.number().int())
          .meta({ description: 'Events per quad class' }),
      }),
    ),
    byType: z.array(z.object({ type: z.enum(PLOVER_TYPES), count: z.number().int() })),
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stats',
      summary:
        'Events per year (of the first day, by quad class) and per type, for a pair or one actor',
      request: { query: statsQuery },
      responses: { ...ok(statsBody), ...errors(400, 404) },
    }),
    (c) => c.json(stats(db, c.req.valid('query')), 200),
  );

  registerExportRoute(app, db);
  registerConflictsRoute(app, db);
  registerProspectsRoute(app, db);
  registerCorrectionsRoutes(app, db);

  registerOpenApiRoute(app);

  const webRoot = options.webRoot;
  // Checked per request, so a page built while the server runs is served without a restart.
  if (webRoot)
    app.use('/*', (c, next) =>
      existsSync(webRoot) ? serveStatic({ root: webRoot })(c, next) : next(),
    );
  app.get('/', (c) => c.html(PLACEHOLDER));
  return app;
}
