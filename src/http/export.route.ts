// `GET /api/export?format=&a=&b=`: the explorer's downloads, the same files as `ties export`.
import type { Hono } from 'hono';
import { z } from 'zod';
import { EXPORT_FORMATS, exportView } from '../interop/export.service.ts';
import { actorQuery, validate } from '../services/schemas.ts';
import type { Db } from '../store/db.ts';

const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS), a: actorQuery.optional(), b: actorQuery.optional() });

/** Adds `GET /api/export` to the app. */
export function registerExportRoute(app: Hono, db: Db): void {
  app.get('/api/export', (c) => {
    const q = validate(exportQuery, c.req.query());
    const file = exportView(db, q.format, { a: q.a, b: q.b });
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    if (file.notes.length) c.header('X-Ties-Notes', file.notes.join('; '));
    return c.body(file.text);
  });
}
