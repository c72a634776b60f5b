// The shapes the exporters read: the services' TimelineEvent (as `GET /api/timeline` returns
// it), named here as the exporters see it, and the documents its mentions point at.
import type {
  EventCorrection,
  TimelineActor,
  TimelineEvent,
  TimelineMention,
} from '../services/events.service.ts';

/** An actor of an event as the API gives it. */
export type ExportActor = TimelineActor;

/** One mention of an event: where a document states it (evidence null for GDELT rows). */
export type ExportMention = TimelineMention;

/** A merged event as the API's timeline gives it. */
export type ExportEvent = TimelineEvent;

/** A user's correction of a mention, as an exported event carries it. */
export type ExportCorrection = EventCorrection;

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
  /** Every correction of the exported documents (rejections included), for the JSON formats. */
  corrections?: ExportCorrection[];
}
