// Validation of everything that comes from outside (CLI options, HTTP queries and bodies):
// one set of zod schemas, so the CLI and the API accept and reject the same things.
import { z } from 'zod';
import { TiesError } from '../errors.ts';
import type { QuadClass } from '../codes/plover.ts';
import { PLOVER_TYPES } from '../extract/types.ts';

/** The four quad classes. */
export const QUADS = [
  'verbal-cooperation',
  'material-cooperation',
  'verbal-conflict',
  'material-conflict',
] as const satisfies readonly QuadClass[];

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a calendar date');

/** A year `YYYY`. */
export const year = z
  .string()
  .regex(/^\d{4}$/, 'must be a year YYYY')
  .transform(Number);

/** A country or organisation: a code (AZE, UN) or a name (Azerbaijan). */
export const actorQuery = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'is too long')
  .meta({
    description: 'A country or organisation: ISO alpha-3 code (AZE, UN) or name (Azerbaijan)',
  });

const commaList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** PLOVER types, given as a comma-separated list or repeated; case-insensitive. */
export const ploverTypes = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (Array.isArray(v) ? v.flatMap(commaList) : commaList(v)).map((t) => t.toUpperCase()),
  )
  .pipe(
    z.array(
      z.enum(PLOVER_TYPES, {
        error: (i) => `'${String(i.input)}' is not a PLOVER type (${PLOVER_TYPES.join(', ')})`,
      }),
    ),
  );

/** PLOVER quad classes, comma-separated. */
export const quads = z
  .string()
  .transform(commaList)
  .pipe(
    z.array(
      z.enum(QUADS, {
        error: (i) => `'${String(i.input)}' is not a quad class (${QUADS.join(', ')})`,
      }),
    ),
  );

const intIn = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .optional()
    .transform((n) => n ?? fallback);

/** Paging of lists. */
export const paging = {
  limit: intIn(1, 500, 50).meta({ description: 'Page size (1–500, default 50)' }),
  offset: intIn(0, Number.MAX_SAFE_INTEGER, 0).meta({ description: 'Items to skip' }),
};

/** A document id: the sha256 of its text. */
export const documentIdParam = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a document id (64 hex digits)');

const fromBeforeTo = (q: { from?: number; to?: number }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const FROM_BEFORE_TO = { message: 'from must not be after to', path: ['from'] };

/** The filters of a view of events: the timeline, the events listing and the exports share them. */
export const viewFilter = {
  type: ploverTypes
    .optional()
    .meta({ description: `PLOVER types, comma-separated (${PLOVER_TYPES.join(', ')})` }),
  quad: quads
    .optional()
    .meta({ description: `Quad classes, comma-separated (${QUADS.join(', ')})` }),
  from: year.optional().meta({ description: 'First year YYYY: events reaching into it' }),
  to: year.optional().meta({ description: 'Last year YYYY' }),
  doc: documentIdParam.optional().meta({ description: 'Events stated in this document (its id)' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .meta({ description: 'Events stated in a sentence with these words' }),
};

/** The filter of a timeline: `a` (required), `b`, years, types, classes, a document and words; and its page. */
export const timelineQuery = z
  .object({
    a: actorQuery,
    b: actorQuery.optional().meta({ description: 'The other side: events between a and b' }),
    ...viewFilter,
    limit: intIn(1, 10_000, 500).meta({
      description: 'Events in the page (1–10000, default 500)',
    }),
    cursor: z.string().max(64).optional().meta({ description: 'The `next` of the previous page' }),
  })
  .refine(fromBeforeTo, FROM_BEFORE_TO);

/** The filter of an events listing. */
export const eventsQuery = z
  .object({
    a: actorQuery.optional().meta({ description: 'Events involving a (with b: between a and b)' }),
    b: actorQuery.optional(),
    ...viewFilter,
    ...paging,
  })
  .refine((q) => !q.b || q.a, { message: 'b needs a', path: ['b'] })
  .refine(fromBeforeTo, FROM_BEFORE_TO);

/** A view to export: its actors and the filters of the view it comes from (the format apart). */
export const exportFields = {
  a: actorQuery
    .optional()
    .meta({ description: 'Events involving a (with b: between a and b); all events without' }),
  b: actorQuery.optional(),
  ...viewFilter,
};

/** The view of an export, checked as the events listing is. */
export const exportViewQuery = z
  .object(exportFields)
  .refine((q) => !q.b || q.a, { message: 'b needs a', path: ['b'] })
  .refine(fromBeforeTo, FROM_BEFORE_TO);

/** A full-text search. */
export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'is too long')
    .meta({ description: 'Words to find (the last as a prefix)' }),
  limit: intIn(1, 200, 20).meta({ description: 'Hits (1–200, default 20)' }),
});

/** The stats of a pair (or of one actor). */
export const statsQuery = z.object({ a: actorQuery, b: actorQuery.optional() });

/** The document formats ties reads. */
export const documentFormat = z.enum(['txt', 'md', 'html']);

/** Metadata given with a new document (query string or JSON body). */
export const documentMeta = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  date: isoDate.optional(),
  name: z.string().max(500).optional(),
  format: documentFormat.optional(),
});

/** A new document as a JSON body. */
export const documentBody = documentMeta.extend({
  // An empty text is a 422 from the reader (like an empty raw body), not a schema error.
  text: z.string({ error: 'text is required and must be a string' }),
});

/** Parses `input` with `schema`, or throws TiesError('INVALID') naming the first bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new TiesError('INVALID', issueMessage(r.error));
}

// Messages written for a field read after its name ("limit must be at least 1", "type 'HUG' is
// not a PLOVER type"); zod's own start with a capital ("Invalid input: …") and are reworded.
const AFTER_NAME = /^(?:must|is|are|needs|has|cannot|should|not|')/;

/**
 * The one-line message of a validation failure: one plain sentence naming the first bad field
 * ("limit must be at least 1", "a is required"), never zod's path ("type.0: …").
 */
export function issueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the input is not valid';
  // The field, not where it is: "type", not "type.0"; "date", not "value.date".
  const name = issue.path.findLast((p): p is string => typeof p === 'string');
  const message = issue.message;
  if (!name) return message;
  if (message === name || message.startsWith(`${name} `)) return message;
  if (AFTER_NAME.test(message)) return `${name} ${message}`;
  switch (issue.code) {
    case 'invalid_type': {
      // zod 4 leaves the input out of its issues; its message says what it received.
      const received = /received (\w+)/.exec(message)?.[1];
      if (received === 'undefined') return `${name} is required`;
      if (received === 'array') return `${name} must be given once`;
      return `${name} must be a ${issue.expected}`;
    }
    case 'too_big':
      return `${name} is too ${issue.origin === 'string' ? 'long' : 'large'} (at most ${issue.maximum})`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? `${name} must not be empty`
        : `${name} is too ${issue.origin === 'string' ? 'short' : 'small'} (at least ${issue.minimum})`;
    case 'unrecognized_keys':
      return `unknown field ${issue.keys.join(', ')}`;
    default:
      return `${name} is not valid: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  }
}

/** Where the server listens: `--port` (else `PORT`, else 8787), `--host` (else `HOST`, else 127.0.0.1). */
export function listenOptions(
  port: string | undefined,
  host: string | undefined,
  token?: string,
): { port: number; host: string; token?: string } {
  const given = port ?? process.env.PORT ?? '8787';
  const p = validate(
    z
      .string()
      .regex(/^\d+$/, `the port (--port or PORT) must be a number from 0 to 65535, not '${given}'`)
      .transform(Number)
      .pipe(z.number().max(65535, 'the port (--port or PORT) must be at most 65535')),
    given,
  );
  // HOST works like PORT: the flag, else the environment, else the loopback address.
  const h = validate(
    z.string().trim().min(1, 'the host (--host or HOST) must not be empty'),
    host ?? process.env.HOST ?? '127.0.0.1',
  );
  const t = token ?? process.env.TIES_TOKEN;
  const tk =
    t === undefined || t === ''
      ? undefined
      : validate(
          z
            .string()
            .regex(
              /^[\x21-\x7e]{16,}$/,
              'token: must be at least 16 printable characters without spaces',
            ),
          t,
        );
  return { port: p, host: h, token: tk };
}
