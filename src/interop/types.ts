// The shapes the exporters read: the API's TimelineEvent (as `GET /api/timeline` returns it) and
// the documents its mentions point at. Declared here structurally so interop does not depend on
// the HTTP layer; the services' TimelineEvent satisfies it.
import type { Evidence } from '../extract/types.ts';

/** An actor of an event as the API gives it. */
export interface ExportActor {
  code: string;
  name: string;
  text: string | null;
}

/** One mention of an event: where a document states it (evidence null for GDELT rows). */
export interface ExportMention {
  documentId: string;
  documentTitle: string | null;
  documentDate: string | null;
  evidence: Evidence | null;
  url: string | null;
}

/** A merged event as the API's timeline gives it. */
export interface ExportEvent {
  id: string | number;
  /** A PLOVER type (the store keeps it as text). */
  type: string;
  mode: string | null;
  cameo: string | null;
  quad: string;
  date: string | null;
  dateFirst: string | null;
  dateLast: string | null;
  source: ExportActor | null;
  target: ExportActor | null;
  actors: string[];
  confidence: number;
  negated: boolean;
  mentions: ExportMention[];
}

/** A document the exported events cite, with its text so an import can rebuild it exactly. */
export interface ExportDocument {
  id: string;
  title: string | null;
  date: string | null;
  url: string | null;
  kind: 'text' | 'gdelt' | 'import';
  format: 'txt' | 'md' | 'html';
  text: string;
}

/** What an exporter is given: the events of the current view and the documents they cite. */
export interface ExportInput {
  events: ExportEvent[];
  documents: ExportDocument[];
  /** What the view is, for titles: e.g. "Azerbaijan – Pakistan". */
  title?: string;
}
