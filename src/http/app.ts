// The HTTP face of the services: a JSON API under /api/ and the explorer page at /. Routes stay
// thin (validate, call a service, shape JSON); errors become `{error: {code, message}}` in onError.
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isTiesError, TiesError } from '../errors.ts';
import { listActors } from '../services/actors.service.ts';
import { documentPage, documentWithEvents, totals } from '../services/documents.service.ts';
import { compactTimeline, eventDetail, listEvents, stats } from '../services/events.service.ts';
import { ingestDocument, ingestDocumentOffThread } from '../services/ingest.service.ts';
import type { ExtractPool } from '../services/workers/extract-pool.ts';
import { documentBody, documentMeta, eventsQuery, paging, searchQuery, statsQuery, timelineQuery, validate } from '../services/schemas.ts';
import { search } from '../services/search.service.ts';
import { countMentions } from '../store/events.repo.ts';
import { storeVersion, type Db } from '../store/db.ts';
import { z } from 'zod';
import { openApiDocument } from './openapi.ts';
import { registerExportRoute } from './export.route.ts';
import { registerConflictsRoute } from './conflicts.route.ts';
import { registerProspectsRoute } from './prospects.route.ts';
import { consent, securityHeaders } from './consent.ts';

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

/** Whether an If-None-Match header names `tag` (weak comparison, as RFC 9110 asks for GET). */
function matchesTag(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(tag));
}

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
  const meta = validate(documentMeta, { title: field('title'), date: field('date'), name: field('name'), format: field('format') });
  const file = form.get('file');
  if (file !== null && typeof file !== 'string') {
    const type = file.type.split(';')[0]!.trim().toLowerCase();
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { bytes, title: meta.title, date: meta.date, name: meta.name ?? (file.name || undefined), format: meta.format ?? MEDIA_FORMAT[type] };
  }
  const text = form.get('text');
  if (typeof text !== 'string') throw new TiesError('INVALID', 'the form needs a file field or a text field');
  return { text, title: meta.title, date: meta.date, name: meta.name, format: meta.format };
}

/** Builds the Hono app over an open database. */
export function createApp(options: AppOptions): Hono {
  const { db } = options;
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const app = new Hono();
  const query = (c: Context) => c.req.query();

  app.onError((err, c) => {
    if (isTiesError(err)) return c.json(errorBody(err.code, err.message), err.status as 400);
    console.error(err);
    return c.json(errorBody('INTERNAL', 'internal error'), 500);
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json(errorBody('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404) : c.text('Not found', 404),
  );

  // Before every route, so that a write route added later cannot forget them (decision 0012).
  app.use('*', securityHeaders(), consent({ host: options.host, token: options.token }));

  app.get('/api/health', (c) => c.json({ ok: true, ...totals(db) }));

  app.get('/api/documents', (c) => {
    const { limit, offset } = validate(z.object(paging), query(c));
    return c.json(documentPage(db, limit, offset));
  });

  app.get('/api/documents/:id', (c) => c.json(documentWithEvents(db, c.req.param('id'))));

  app.post(
    '/api/documents',
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) => c.json(errorBody('TOO_LARGE', `the document is over the ${Math.round(maxBytes / 1024 / 1024)} MB limit`), 413),
    }),
    async (c) => {
      // The consent middleware let only JSON and multipart bodies this far.
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const input = mediaType === 'application/json' ? await jsonInput(c) : await formInput(c);
      const outcome = options.pool ? await ingestDocumentOffThread(db, { ...input, kind: 'text' }, options.pool) : ingestDocument(db, { ...input, kind: 'text' });
      const { path: _path, kind: _kind, ...document } = outcome.document;
      const events = outcome.added ? outcome.events : countMentions(db, document.id);
      return c.json({ document, added: outcome.added, events }, outcome.added ? 201 : 200);
    },
  );

  app.get('/api/events', (c) => {
    const q = validate(eventsQuery, query(c));
    return c.json(
      listEvents(db, { a: q.a, b: q.b, types: q.type, quads: q.quad, from: q.from, to: q.to, documentId: q.doc, q: q.q }, q.limit, q.offset),
    );
  });

  app.get('/api/timeline', (c) => {
    const q = validate(timelineQuery, query(c));
    // The page asks again on every visit: an unchanged store answers 304 before any query runs.
    const tag = `W/"${storeVersion(db)}"`;
    c.header('ETag', tag);
    c.header('Cache-Control', 'no-cache');
    if (matchesTag(c.req.header('if-none-match'), tag)) return c.body(null, 304);
    const filter = { a: q.a, b: q.b, from: q.from, to: q.to, types: q.type, quads: q.quad, documentId: q.doc, q: q.q };
    return c.json(compactTimeline(db, filter, q.limit, q.cursor ?? null));
  });

  app.get('/api/events/:id', (c) => c.json(eventDetail(db, c.req.param('id'))));

  app.get('/api/search', (c) => {
    const q = validate(searchQuery, query(c));
    return c.json({ items: search(db, q.q, q.limit) });
  });

  app.get('/api/actors', (c) => c.json({ items: listActors(db) }));

  app.get('/api/stats', (c) => {
    const q = validate(statsQuery, query(c));
    return c.json(stats(db, q));
  });

  registerExportRoute(app, db);
  registerConflictsRoute(app, db);
  registerProspectsRoute(app, db);

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  const webRoot = options.webRoot;
  // Checked per request, so a page built while the server runs is served without a restart.
  if (webRoot) app.use('/*', (c, next) => (existsSync(webRoot) ? serveStatic({ root: webRoot })(c, next) : next()));
  app.get('/', (c) => c.html(PLACEHOLDER));
  return app;
}
