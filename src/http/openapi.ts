// The OpenAPI 3.1 description of the JSON API, written by hand next to the routes it describes.
import { PLOVER_TYPES } from '../extract/types.ts';

const str = { type: 'string' };
const nstr = { type: ['string', 'null'] };
const int = { type: 'integer' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const q = (name: string, description: string, required = false, schema: object = str) => ({ name, in: 'query', required, description, schema });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), json(ref('Error'), 'Error')]));

const actorParam = (name: string, required: boolean) => q(name, 'A country or organisation: ISO alpha-3 code or name', required);
const yearParams = [q('from', 'First year YYYY (events reaching into it)', false, { type: 'string', pattern: '^\\d{4}$' }), q('to', 'Last year YYYY', false, { type: 'string', pattern: '^\\d{4}$' })];
const pageParams = [q('limit', 'Page size (1–500, default 50)', false, int), q('offset', 'Items to skip', false, int)];

/** The OpenAPI document served at /api/openapi.json. */
export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: { title: 'ties API', version: '0.1.0', description: 'Sourced timelines of relations between countries (PLOVER events).' },
    paths: {
      '/api/health': { get: { summary: 'Liveness and totals', responses: { 200: json({ type: 'object', properties: { ok: { const: true }, documents: int, events: int } }) } } },
      '/api/documents': {
        get: {
          summary: 'Documents, newest first',
          parameters: pageParams,
          responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: ref('DocumentItem') }, total: int } }), ...errors(400) },
        },
        post: {
          summary: 'Add a document (a multipart form with a file or text field, or JSON); writes from another site are refused',
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { file: { type: 'string', format: 'binary' }, text: str, title: str, date: { type: 'string', format: 'date' }, name: str, format: { enum: ['txt', 'md', 'html'] } },
                },
              },
              'application/json': {
                schema: { type: 'object', required: ['text'], properties: { text: str, title: str, date: { type: 'string', format: 'date' }, format: { enum: ['txt', 'md', 'html'] } } },
              },
            },
          },
          responses: {
            201: json({ type: 'object', properties: { document: ref('DocumentItem'), added: { const: true }, events: int } }, 'Added'),
            200: json({ type: 'object', properties: { document: ref('DocumentItem'), added: { const: false }, events: int } }, 'Already stored (same text)'),
            ...errors(400, 401, 403, 413, 415, 422),
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'One document with its text and events',
          parameters: [{ name: 'id', in: 'path', required: true, schema: str, description: 'sha256 of the text' }],
          responses: { 200: json(ref('Document')), ...errors(404) },
        },
      },
      '/api/events': {
        get: {
          summary: 'Events, filtered and paged, in date order (undated last)',
          parameters: [
            actorParam('a', false),
            actorParam('b', false),
            q('type', `PLOVER types, comma-separated (${PLOVER_TYPES.join(', ')})`),
            q('quad', 'Quad classes, comma-separated'),
            ...yearParams,
            q('doc', 'Document id'),
            q('q', 'Words of a sentence stating the event'),
            ...pageParams,
          ],
          responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: ref('TimelineEvent') }, total: int } }), ...errors(400, 404) },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event with its sources (what the compact timeline leaves out)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: str, description: 'Event id' }],
          responses: { 200: json(ref('TimelineEvent')), ...errors(404) },
        },
      },
      '/api/timeline': {
        get: {
          summary:
            'One page of the compact timeline of a pair (or of everything involving a), date order, undated last. ' +
            'Sends an ETag: with If-None-Match, an unchanged store answers 304',
          parameters: [
            actorParam('a', true),
            actorParam('b', false),
            ...yearParams,
            q('type', 'PLOVER types, comma-separated'),
            q('quad', 'Quad classes, comma-separated'),
            q('doc', 'Document id'),
            q('q', 'Words of a sentence stating the event'),
            q('limit', 'Events in the page (1–10000, default 5000)', false, int),
            q('cursor', 'The `next` of the previous page'),
          ],
          responses: {
            200: json({
              type: 'object',
              properties: {
                a: ref('Actor'),
                b: { oneOf: [ref('Actor'), { type: 'null' }] },
                total: { ...int, description: 'Events of the whole view' },
                next: { ...nstr, description: 'Cursor of the next page; null on the last' },
                actors: { type: 'array', items: ref('Actor') },
                types: { type: 'array', items: str },
                quads: { type: 'array', items: str },
                documents: { type: 'array', items: str, description: 'Document ids' },
                events: {
                  type: 'object',
                  description: 'Parallel arrays, one entry per event; numbers index the tables above',
                  properties: {
                    id: { type: 'array', items: int },
                    type: { type: 'array', items: int },
                    quad: { type: 'array', items: int },
                    date: { type: 'array', items: { type: ['string', 'integer'] }, description: 'The date, or 0 when undated or the day, month or year first–last spans' },
                    first: { type: 'array', items: { type: ['integer', 'null'] }, description: 'Days since 1970-01-01' },
                    last: { type: 'array', items: { type: ['integer', 'null'] } },
                    source: { type: 'array', items: int, description: '-1 when none' },
                    target: { type: 'array', items: int },
                    actors: { type: 'array', items: { type: 'array', items: int } },
                    negated: { type: 'array', items: int },
                    mentions: { type: 'array', items: int },
                    documents: { type: 'array', items: { type: 'array', items: int } },
                    text: { type: 'array', items: str, description: 'Start of the first evidence sentence' },
                  },
                },
              },
            }),
            304: { description: 'Not modified: the store is unchanged since the ETag' },
            ...errors(400, 404),
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over sentences',
          parameters: [q('q', 'Words to find', true), q('limit', 'Hits (1–200, default 20)', false, int)],
          responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: ref('SearchHit') } } }), ...errors(400) },
        },
      },
      '/api/actors': {
        get: {
          summary: 'Actors with their event counts, most first',
          responses: {
            200: json({ type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { code: str, name: str, kind: { enum: ['state', 'organisation'] }, events: int } } } } }),
          },
        },
      },
      '/api/stats': {
        get: {
          summary: 'Events per year (by quad class) and per type, for a pair or one actor',
          parameters: [actorParam('a', true), actorParam('b', false)],
          responses: {
            200: json({
              type: 'object',
              properties: {
                byYear: { type: 'array', items: { type: 'object', properties: { year: int, total: int, quads: { type: 'object', additionalProperties: int } } } },
                byType: { type: 'array', items: { type: 'object', properties: { type: str, count: int } } },
              },
            }),
            ...errors(400, 404),
          },
        },
      },
      '/api/prospects': {
        get: {
          summary: 'Plans, proposals, hopes and pending deals about a or the pair a–b, each open or fulfilled by a stored event (fulfilledBy: {eventId, date, type, evidence, documentId, documentTitle, reasons})',
          parameters: [actorParam('a', false), actorParam('b', false), q('open', '1 to list only open prospects', false, { enum: ['0', '1', 'true', 'false'] })],
          responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } }), ...errors(400, 404) },
        },
      },
      '/api/openapi.json': { get: { summary: 'This description', responses: { 200: json({ type: 'object' }) } } },
    },
    components: {
      schemas: {
        Error: { type: 'object', properties: { error: { type: 'object', properties: { code: str, message: str } } } },
        Actor: { type: 'object', properties: { code: str, name: str } },
        EventActor: { type: ['object', 'null'], properties: { code: str, name: str, text: nstr } },
        Evidence: { type: ['object', 'null'], properties: { start: int, end: int, text: str } },
        Mention: { type: 'object', properties: { documentId: str, documentTitle: nstr, documentDate: nstr, evidence: ref('Evidence'), url: nstr } },
        TimelineEvent: {
          type: 'object',
          properties: {
            id: str,
            type: { enum: [...PLOVER_TYPES] },
            mode: nstr,
            cameo: nstr,
            quad: str,
            date: { ...nstr, description: 'YYYY, YYYY-MM, YYYY-MM-DD or START/END; null when undated' },
            dateFirst: nstr,
            dateLast: nstr,
            source: ref('EventActor'),
            target: ref('EventActor'),
            actors: { type: 'array', items: str },
            confidence: { type: 'number' },
            negated: { type: 'boolean' },
            mentions: { type: 'array', items: ref('Mention') },
          },
        },
        DocumentItem: { type: 'object', properties: { id: str, title: nstr, date: nstr, format: str, length: int, events: int, addedAt: str } },
        Document: {
          type: 'object',
          properties: { id: str, title: nstr, date: nstr, format: str, length: int, text: str, addedAt: str, url: nstr, events: { type: 'array', items: ref('TimelineEvent') } },
        },
        SearchHit: {
          type: 'object',
          properties: { kind: { const: 'sentence' }, documentId: str, documentTitle: nstr, start: int, end: int, text: str, snippet: str, eventIds: { type: 'array', items: str } },
        },
      },
    },
  };
}
