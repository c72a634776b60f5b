// Curating the store over HTTP: delete or re-date a document, add, list and undo corrections.
// Writes take JSON bodies only (the consent middleware refuses other body types); their bodies
// are read by hand and checked by the services' schemas, so the routes are described with
// registerPath from the same schemas.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { TiesError } from '../errors.ts';
import {
  addCorrection,
  corrections,
  correctionInput,
  deleteDocument,
  removeCorrection,
  updateDocument,
} from '../services/corrections.service.ts';
import { isoDate, validate } from '../services/schemas.ts';
import type { Db } from '../store/db.ts';
import { errors, Evidence, ok } from './openapi.ts';

const documentId = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a document id (64 hex digits)')
  .meta({ description: 'sha256 of the text' });
const documentChange = z
  .object({ title: z.string().trim().min(1).max(500).optional(), date: isoDate.optional() })
  .strict()
  .refine((c) => c.title !== undefined || c.date !== undefined, {
    message: 'give a title or a date',
  });

/** A stored correction, as listings and answers give it. */
const Correction = z
  .object({
    uid: z.string(),
    documentId: z.string(),
    evidence: Evidence,
    kind: z.enum(['reject', 'type', 'date', 'participants', 'split', 'merge', 'add']),
    value: z
      .record(z.string(), z.unknown())
      .meta({ description: 'What it sets: type, mode, date, source, target, actors; merge: with' }),
    original: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: 'The extracted facts it changed' }),
    note: z.string().nullable(),
    author: z.string().nullable(),
    createdAt: z.string(),
    status: z.enum(['applied', 'unmatched', 'pending', 'orphaned']),
    problem: z.string().nullable(),
  })
  .openapi('Correction');

const deleted = z.object({
  id: z.string(),
  title: z.string().nullable(),
  eventsRemoved: z.number().int(),
  eventsRecomputed: z.number().int(),
  corrections: z.number().int(),
});
const changed = z.object({
  id: z.string(),
  title: z.string().nullable(),
  date: z.string().nullable(),
  reextracted: z.boolean(),
});
const made = z.object({ corrections: z.array(Correction), eventIds: z.array(z.string()) });

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new TiesError('INVALID', 'the body is not valid JSON');
  }
}

const json = <S extends z.ZodType>(schema: S, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

/** Adds DELETE and PATCH `/api/documents/{id}` and the `/api/corrections` routes to the app. */
export function registerCorrectionsRoutes(app: OpenAPIHono, db: Db): void {
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/documents/{id}',
      summary:
        'Delete a document, its facts and corrections; events it alone stated go, the others are recomputed (date, participants, confidence, conflicts)',
      request: { params: z.object({ id: documentId }) },
      responses: { ...ok(deleted), ...errors(400, 401, 403, 404) },
    }),
    (c) => c.json(deleteDocument(db, c.req.valid('param').id), 200),
  );

  app.openAPIRegistry.registerPath({
    method: 'patch',
    path: '/api/documents/{id}',
    summary:
      'Rename a document, or re-date it (re-extracted against the new date, its corrections applied again)',
    request: {
      params: z.object({ id: documentId }),
      body: { required: true, content: { 'application/json': { schema: documentChange } } },
    },
    responses: { 200: json(changed), ...errors(400, 401, 403, 404, 415) },
  });
  app.patch('/api/documents/:id', async (c) => {
    const id = validate(documentId, c.req.param('id'));
    return c.json(updateDocument(db, id, validate(documentChange, await jsonBody(c))));
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/corrections',
      summary: 'Corrections (of one document), oldest first, with whether each applies',
      request: { query: z.object({ doc: documentId.optional() }) },
      responses: { ...ok(z.object({ items: z.array(Correction) })), ...errors(400) },
    }),
    (c) => c.json({ items: corrections(db, { documentId: c.req.valid('query').doc }) }, 200),
  );

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/corrections',
    summary:
      'Correct an event (every mention of `event`) or one `mention`: reject, type, date, participants, split, merge, add',
    request: {
      body: { required: true, content: { 'application/json': { schema: correctionInput } } },
    },
    responses: {
      201: json(made, 'Stored, and applied to its document'),
      ...errors(400, 401, 403, 404, 415),
    },
  });
  app.post('/api/corrections', async (c) => c.json(addCorrection(db, await jsonBody(c)), 201));

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/corrections/{uid}',
      summary: 'Undo a correction: its document is stored again without it',
      request: { params: z.object({ uid: z.string() }) },
      responses: { ...ok(z.object({ removed: Correction })), ...errors(401, 403, 404) },
    }),
    (c) => c.json(removeCorrection(db, c.req.valid('param').uid), 200),
  );
}
