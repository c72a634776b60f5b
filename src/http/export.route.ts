// `GET /api/export?format=&a=&b=&type=&quad=&from=&to=&doc=&q=`: the explorer's downloads of the
// view on screen, the same files as `ties export`.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { EXPORT_FORMATS, exportView } from '../interop/export.service.ts';
import { eventsQueryOf } from '../services/events.service.ts';
import { exportFields } from '../services/schemas.ts';
import type { Db } from '../store/db.ts';
import { errors } from './openapi.ts';

// The filters are the timeline's (type, quad, from, to, doc, q): a download is the view it comes from.
const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS).meta({
      description:
        'csv, json, jsonl (ties export, re-importable), timelinejs, gdelt (GDELT 2.0-style TSV)',
    }),
    ...exportFields,
  })
  .refine((q) => !q.b || q.a, { message: 'b needs a', path: ['b'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

const file = z
  .string()
  .meta({ description: 'The file; X-Ties-Notes says what the format could not carry' });

/** Adds `GET /api/export` to the app. */
export function registerExportRoute(app: OpenAPIHono, db: Db): void {
  const route = createRoute({
    method: 'get',
    path: '/api/export',
    summary:
      'The view as a download in another tool’s format, filtered as the timeline is (the same files as ties export)',
    request: { query: exportQuery },
    responses: {
      200: {
        description: 'The file, as an attachment',
        content: {
          'text/csv': { schema: file },
          'application/json': { schema: file },
          'application/jsonl': { schema: file },
          'text/tab-separated-values': { schema: file },
        },
      },
      ...errors(400, 404),
    },
  });
  app.openapi(route, (c) => {
    const q = c.req.valid('query');
    const view = eventsQueryOf(q);
    // TimelineJS slides link their documents in the page this server serves.
    const out = exportView(db, q.format, view, { page: `${new URL(c.req.url).origin}/` });
    c.header('Content-Type', out.contentType);
    c.header('Content-Disposition', `attachment; filename="${out.filename}"`);
    if (out.notes.length) c.header('X-Ties-Notes', out.notes.join('; '));
    return c.body(out.text, 200);
  });
}
