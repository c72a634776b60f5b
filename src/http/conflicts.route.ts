// `GET /api/conflicts?a=&b=&event=&limit=&cursor=`: where the sources disagree, a page at a time
// with counts by kind, for the explorer's conflicts view and for an event's card;
// `GET /api/events/{id}/explain?limit=&cursor=`: why an event's mentions were merged;
// `GET /api/figures` and `GET /api/stances` list a pair's figures and stances.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { conflicts, explainEvent, figures, stances } from '../services/conflicts.service.ts';
import { actorQuery } from '../services/schemas.ts';
import type { Db } from '../store/db.ts';
import { Actor, Conflict, errors, Figure, ok, Stance, TimelineEvent } from './openapi.ts';

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(500)
  .default(50)
  .meta({ description: 'Page size (1–500, default 50)' });
const cursor = z
  .string()
  .max(2000)
  .optional()
  .meta({ description: 'The nextCursor of the page before' });
const conflictsQuery = z.object({
  a: actorQuery.optional(),
  b: actorQuery.optional(),
  event: z
    .string()
    .regex(/^\d+$/, 'must be an event id')
    .optional()
    .meta({ description: 'The conflicts on one event' }),
  limit,
  cursor,
});
const explainQuery = z.object({ limit, cursor });
const kindCounts = z.object({
  arithmetic: z.number().int(),
  date: z.number().int(),
  figure: z.number().int(),
  ordinal: z.number().int(),
});
const pairQuery = z.object({ a: actorQuery, b: actorQuery.optional() });

const explanation = z.object({
  event: TimelineEvent,
  verdicts: z
    .array(
      z.object({
        mentions: z.tuple([z.number().int(), z.number().int()]),
        verdict: z.object({ same: z.boolean(), score: z.number(), reasons: z.array(z.string()) }),
      }),
    )
    .meta({
      description: 'For each later mention of the page, the merge verdict against the first',
    }),
  mentionCount: z.number().int(),
  nextCursor: z.string().nullable(),
  conflicts: z.array(Conflict).meta({ description: 'The first page of the event’s conflicts' }),
  conflictCount: z.number().int(),
});

const ofPair = <S extends z.ZodType>(item: S) =>
  z.object({ a: Actor, b: Actor.nullable(), items: z.array(item) });

/** Adds the conflicts, explain, figures and stances routes to the app. */
export function registerConflictsRoute(app: OpenAPIHono, db: Db): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conflicts',
      summary: 'Where sources disagree: dates, ranks ("first" vs "second"), figures, arithmetic',
      request: { query: conflictsQuery },
      responses: {
        ...ok(
          z.object({
            items: z.array(Conflict),
            total: z.number().int(),
            counts: kindCounts,
            nextCursor: z.string().nullable(),
          }),
        ),
        ...errors(400, 404),
      },
    }),
    (c) => {
      const { items, total, counts, nextCursor } = conflicts(db, c.req.valid('query'));
      return c.json({ items, total, counts, nextCursor }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}/explain',
      summary: "Why an event's mentions were merged, and where they disagree",
      request: {
        params: z.object({ id: z.string().meta({ description: 'Event id' }) }),
        query: explainQuery,
      },
      responses: { ...ok(explanation), ...errors(400, 404) },
    }),
    (c) => c.json(explainEvent(db, c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/figures',
      summary:
        'Quantities (casualties, trade, visits, money) stated about a (and b), with evidence',
      request: { query: pairQuery },
      responses: { ...ok(ofPair(Figure)), ...errors(400, 404) },
    }),
    (c) => c.json(figures(db, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stances',
      summary: 'Who supports or opposes whom on which issue, with evidence',
      request: { query: pairQuery },
      responses: { ...ok(ofPair(Stance)), ...errors(400, 404) },
    }),
    (c) => c.json(stances(db, c.req.valid('query')), 200),
  );
}
