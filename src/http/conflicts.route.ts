// `GET /api/conflicts?a=&b=&event=`: where the sources disagree, for the explorer's conflicts view
// and for an event's card; `GET /api/events/:id/explain`: why an event's mentions were merged;
// `GET /api/figures` and `GET /api/stances` list a pair's figures and stances.
import type { Hono } from 'hono';
import { z } from 'zod';
import { conflicts, explainEvent, figures, stances } from '../services/conflicts.service.ts';
import { actorQuery, validate } from '../services/schemas.ts';
import type { Db } from '../store/db.ts';

const conflictsQuery = z.object({ a: actorQuery.optional(), b: actorQuery.optional(), event: z.string().regex(/^\d+$/, 'must be an event id').optional() });
const pairQuery = z.object({ a: actorQuery, b: actorQuery.optional() });

/** Adds the conflicts, explain, figures and stances routes to the app. */
export function registerConflictsRoute(app: Hono, db: Db): void {
  app.get('/api/conflicts', (c) => {
    const q = validate(conflictsQuery, c.req.query());
    return c.json({ items: conflicts(db, q).items });
  });
  app.get('/api/events/:id/explain', (c) => c.json(explainEvent(db, c.req.param('id'))));
  app.get('/api/figures', (c) => c.json(figures(db, validate(pairQuery, c.req.query()))));
  app.get('/api/stances', (c) => c.json(stances(db, validate(pairQuery, c.req.query()))));
}
