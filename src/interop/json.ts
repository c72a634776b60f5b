// ties' JSON export: one extraction-contract object per document (`{document, events}`, see
// ../shared/eval/README.md), with the document's text so an import rebuilds it exactly, and each
// event's merged-event key so the import rebuilds the same timeline. JSONL is the same objects,
// one a line.
import { z } from 'zod';
import { TiesError } from '../errors.ts';
import { PLOVER_TYPES } from '../extract/types.ts';
import { goldsteinOf } from './gdelt-export.ts';
import type { ExportCorrection, ExportDocument, ExportInput } from './types.ts';
import type { MentionInput } from '../services/persist.service.ts';

/** One event of one document, as the contract prints it (evidence null for GDELT rows). */
export interface ContractEvent extends MentionInput {
  negated: boolean;
  /** The merged event this mention belongs to: mentions sharing it are one event. */
  event: string;
  /** This mention's place among its event's mentions, so an import keeps their order. */
  mention?: number;
  url: string | null;
  /** Why there is no evidence, when there is none. */
  note?: string;
  /** Set when a user corrected the event (its corrections are in the document's `corrections`). */
  corrected?: boolean;
  /** The Goldstein cooperation–conflict score of the event's CAMEO code; null when negated. */
  goldstein?: number | null;
}

/** One document with its events, as the contract prints an extraction. */
export interface ContractDocument {
  document: {
    id: string;
    title: string | null;
    date: string | null;
    length: number;
    text: string;
    url: string | null;
    kind: ExportDocument['kind'];
    format: ExportDocument['format'];
  };
  events: ContractEvent[];
  /** The user's corrections keyed to this document's mentions (rejections included). */
  corrections?: ExportCorrection[];
}

/** The whole JSON export. */
export interface TiesExport {
  format: 'ties-export';
  version: 1;
  title: string | null;
  documents: ContractDocument[];
}

/** Why an evidence-less event has none. */
export const NO_SPAN_NOTE =
  'No text span: the event was coded from the document at `url` (GDELT), not from its text.';

/** Groups the events' mentions by document, in the order documents are first cited. */
export function toContractDocuments(input: ExportInput): ContractDocument[] {
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const out = new Map<string, ContractDocument>();
  const counters = new Map<string, number>();
  for (const e of input.events) {
    for (const [k, m] of e.mentions.entries()) {
      const d = docs.get(m.documentId);
      if (!d)
        throw new Error(`document ${m.documentId} of event ${e.id} was not given to the exporter`);
      let entry = out.get(d.id);
      if (!entry) {
        entry = {
          document: {
            id: d.id,
            title: d.title,
            date: d.date,
            length: d.text.length,
            text: d.text,
            url: d.url,
            kind: d.kind,
            format: d.format,
          },
          events: [],
        };
        out.set(d.id, entry);
      }
      const n = (counters.get(d.id) ?? 0) + 1;
      counters.set(d.id, n);
      const ce: ContractEvent = {
        id: `e${n}`,
        type: e.type,
        mode: e.mode,
        cameo: e.cameo,
        date: e.date,
        source: e.source ? { code: e.source.code, text: e.source.text } : null,
        target: e.target ? { code: e.target.code, text: e.target.text } : null,
        actors: e.actors,
        evidence: m.evidence,
        confidence: e.confidence,
        negated: e.negated,
        goldstein: goldsteinOf(e),
        event: String(e.id),
        mention: k,
        url: m.url,
      };
      if (!m.evidence) ce.note = NO_SPAN_NOTE;
      if (e.corrections?.length) ce.corrected = true;
      entry.events.push(ce);
    }
  }
  for (const c of input.corrections ?? []) {
    const entry = out.get(c.documentId);
    if (entry) (entry.corrections ??= []).push(c);
  }
  return [...out.values()];
}

/** The JSON export text. */
export function toJson(input: ExportInput): string {
  const out: TiesExport = {
    format: 'ties-export',
    version: 1,
    title: input.title ?? null,
    documents: toContractDocuments(input),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** The JSONL export text: one `{document, events}` object a line. */
export function toJsonl(input: ExportInput): string {
  return toContractDocuments(input)
    .map((d) => JSON.stringify(d) + '\n')
    .join('');
}

const span = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
});
const actor = z.object({ code: z.string().min(1), text: z.string().nullable() });
const contractEvent = z.object({
  id: z.string(),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().nullable(),
  cameo: z.string().nullable(),
  date: z.string().nullable(),
  source: actor.nullable(),
  target: actor.nullable(),
  actors: z.array(z.string()),
  evidence: span.nullable(),
  confidence: z.number().min(0).max(1),
  negated: z.boolean().default(false),
  goldstein: z.number().min(-10).max(10).nullable().optional(),
  event: z.string(),
  mention: z.number().int().min(0).optional(),
  url: z.string().nullable().default(null),
  note: z.string().optional(),
  corrected: z.boolean().optional(),
});
const contractDocument = z.object({
  document: z.object({
    id: z.string(),
    title: z.string().nullable(),
    date: z.string().nullable(),
    length: z.number().int().min(0),
    text: z.string(),
    url: z.string().nullable().default(null),
    kind: z.enum(['text', 'gdelt', 'import']).default('import'),
    format: z.enum(['txt', 'md', 'html']).default('txt'),
  }),
  events: z.array(contractEvent),
  // Checked one by one by the corrections import (services), which owns their shape.
  corrections: z.array(z.record(z.string(), z.unknown())).optional(),
});

function check(value: unknown, where: string): ContractDocument {
  const r = contractDocument.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new TiesError(
      'BAD_INPUT',
      `${where}: ${issue?.path.join('.') || 'value'} ${issue?.message ?? 'is not a ties export document'}`,
    );
  }
  const d = r.data as ContractDocument;
  if (d.document.text.length !== d.document.length)
    throw new TiesError('BAD_INPUT', `${where}: document length does not match its text`);
  for (const e of d.events) {
    if (
      e.evidence &&
      (e.evidence.end > d.document.text.length ||
        d.document.text.slice(e.evidence.start, e.evidence.end) !== e.evidence.text)
    ) {
      throw new TiesError(
        'BAD_INPUT',
        `${where}: evidence of ${e.id} is not the text at its offsets`,
      );
    }
  }
  return d;
}

/** Reads a JSON or JSONL export back, validating every document; throws BAD_INPUT naming the first problem. */
export function parseTiesExport(text: string): ContractDocument[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{"document"') || (trimmed.startsWith('{') && trimmed.includes('\n{'))) {
    return text
      .split('\n')
      .map((line, i) => [line, i] as const)
      .filter(([line]) => line.trim())
      .map(([line, i]) => {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          throw new TiesError('BAD_INPUT', `line ${i + 1}: not JSON`);
        }
        return check(value, `line ${i + 1}`);
      });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TiesError('BAD_INPUT', 'not JSON or JSONL');
  }
  const docs = Array.isArray(value) ? value : (value as { documents?: unknown })?.documents;
  if (!Array.isArray(docs))
    throw new TiesError('BAD_INPUT', 'not a ties export (no "documents" list)');
  return docs.map((d, i) => check(d, `document ${i + 1}`));
}
