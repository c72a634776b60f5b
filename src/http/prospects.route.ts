// `GET /api/prospects?a=&b=&open=1`: a pair's plans, proposals, hopes and pending deals, each
// open or fulfilled by a stored event, for the explorer's prospects list beside the timeline.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { prospects } from '../services/prospects.service.ts';
import { actorQuery } from '../services/schemas.ts';
import type { Db } from '../store/db.ts';
import { errors, ok, Prospect } from './openapi.ts';

const prospectsQuery = z.object({
  a: actorQuery.optional(),
  b: actorQuery.optional(),
  open: z
    .enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true')
    .meta({ description: '1 to list only open prospects' }),
});

/** Adds `GET /api/prospects` to the app. */
export function registerProspectsRoute(app: OpenAPIHono, db: Db): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/prospects',
      summary:
        'Plans, proposals, hopes and pending deals about a (or a–b), each open or fulfilled by a stored event',
      request: { query: prospectsQuery },
      responses: { ...ok(z.object({ items: z.array(Prospect) })), ...errors(400, 404) },
    }),
    (c) => c.json({ items: prospects(db, c.req.valid('query')).items }, 200),
  );
}
