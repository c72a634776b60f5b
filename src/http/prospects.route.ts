// `GET /api/prospects?a=&b=&open=1`: a pair's plans, proposals, hopes and pending deals, each
// open or fulfilled by a stored event, for the explorer's prospects list beside the timeline.
import type { Hono } from 'hono';
import { z } from 'zod';
import { prospects } from '../services/prospects.service.ts';
import { actorQuery, validate } from '../services/schemas.ts';
import type { Db } from '../store/db.ts';

const prospectsQuery = z.object({
  a: actorQuery.optional(),
  b: actorQuery.optional(),
  open: z
    .enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

/** Adds `GET /api/prospects` to the app. */
export function registerProspectsRoute(app: Hono, db: Db): void {
  app.get('/api/prospects', (c) => {
    const q = validate(prospectsQuery, c.req.query());
    return c.json({ items: prospects(db, q).items });
  });
}
