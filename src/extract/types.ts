// The extractor's data model, layer by layer: every layer only adds to the one below, and every
// item keeps a span into the document text (JavaScript string offsets, `end` exclusive).

/** A half-open range of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A problem in the input a user should see (not a bug): returned with the result. */
export interface Diagnostic {
  code: string;
  message: string;
  span?: Span;
}

/** A document as the extractor reads it. `date` is its publication date, `YYYY-MM-DD`. */
export interface DocumentInput {
  text: string;
  title?: string | null;
  date?: string | null;
}

/** A sentence of the document; `paragraph` counts blank-line separated blocks from 0. */
export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

/** How coarse a date is. A decade or a season is an interval of years or months. */
export type Precision = 'day' | 'month' | 'year';

/**
 * A calendar value: the days `[first, last]` (ISO `YYYY-MM-DD`, inclusive) and the precision of
 * its ends. `first === last` at day precision is one day; `1920-01-01…1929-12-31` at year
 * precision is the 1920s.
 */
export interface DateValue {
  first: string;
  last: string;
  precision: Precision;
}

/** How a time mention got its value. */
export type TimeAnchor = 'absolute' | 'document' | 'previous' | 'event';

/** A time expression found in the text, with its value when it could be resolved. */
export interface TimeMention extends Span {
  text: string;
  /** null when the expression could not be resolved: the event it dates stays undated. */
  value: DateValue | null;
  anchor: TimeAnchor;
  /** The rule that found it, for traces. */
  rule: string;
  /** "Tuesday's attack", "September's delivery": the date qualifies the noun after it only. */
  possessive?: true;
  /** "two days after Erdogan denounced Israel": the date of the clause after it only. */
  opensClause?: true;
}

/** What kind of thing an actor code names. */
export type ActorKind = 'state' | 'organisation';

/** How an actor mention was recognised. */
export type ActorHow =
  | 'name'
  | 'demonym'
  | 'capital'
  | 'official'
  | 'organisation'
  | 'compound'
  | 'reference';

/** A participant named (or referred to) in the text. */
export interface ActorMention extends Span {
  text: string;
  /** ISO 3166-1 alpha-3 for states (SUN, YUG, CSK, DDR for historical ones), acronym for organisations. */
  code: string;
  kind: ActorKind;
  how: ActorHow;
  /**
   * For a reference ("the two countries", "both sides"): every code it stands for.
   * For anything else: `[code]`.
   */
  codes: string[];
  /** A person's name or title when the mention is an official ("Nawaz Sharif", "Prime Minister"). */
  person?: string;
}

/** The 16 PLOVER 2.0 event types. */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'SANCTION',
  'PROTEST',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** The speaker's commitment to an event having happened. */
export type Modality = 'asserted' | 'negated' | 'future' | 'hypothetical' | 'reported';

/** A word or phrase that signals an event. */
export interface TriggerMention extends Span {
  text: string;
  type: PloverType;
  mode: string | null;
  cameo: string;
  modality: Modality;
  /** The lexicon entry that matched, for traces. */
  rule: string;
}

/** A participant of an event as the contract prints it. */
export interface EventActor {
  code: string;
  text: string;
}

/** The evidence of a fact: the shortest span that states it, with its text. */
export interface Evidence extends Span {
  text: string;
}

/** One event as the extraction contract prints it (see ../shared/eval/README.md). */
export interface ExtractedEvent {
  id: string;
  type: PloverType;
  mode: string | null;
  cameo: string;
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `START/END` of those; null when the text does not date it. */
  date: string | null;
  source: EventActor | null;
  target: EventActor | null;
  actors: string[];
  evidence: Evidence;
  confidence: number;
  negated?: boolean;
  /** Further spans in the same document that mention the same event. */
  mentions?: Evidence[];
  /** The rank the text gives the source in doing this ("the second country to recognise"). */
  ordinal?: number;
  /** The rank claim behind `ordinal`, with what is ranked and who is said to come before. */
  claim?: OrdinalClaim;
}

/** "the second country to recognise Azerbaijan, after Turkey": a rank claimed for an act. */
export interface OrdinalClaim {
  rank: number;
  /** The ranked class as written: "country", "person from Pakistan". */
  of: string;
  /** The act ranked, stemmed ("recogniz", "visit"). */
  predicate: string;
  /** Codes said to come before ("after Turkey"). */
  after: string[];
  evidence: Evidence;
}

/** What kind of not-yet-happened thing a prospect is. */
export type ProspectKind = 'plan' | 'proposal' | 'hope' | 'pending';

/** A plan, proposal, hope or pending deal: kept apart from what happened. */
export interface ExtractedProspect extends Omit<ExtractedEvent, 'negated'> {
  kind: ProspectKind;
  /** When it is to happen, as the text says ("will visit China next month"), if it does. */
  planned?: string;
}

/** A quantity with what it measures ("613 people killed", "25 percent" trade growth). */
export interface ExtractedFigure {
  id: string;
  /** What is measured: "killed", "trade", "tourists", "visits", "money", … */
  measure: string;
  value: number;
  /** "people", "percent", "times", "USD", … */
  unit: string;
  /** "more than", "around", "at least", or null for an exact figure. */
  qualifier: string | null;
  date: string | null;
  actors: string[];
  evidence: Evidence;
  /** The named thing the figure is about ("Khojaly Massacre"), when the text names it. */
  about?: string | null;
}

/** Who supports or opposes whom on which issue. */
export interface ExtractedStance {
  id: string;
  holder: EventActor;
  polarity: 'support' | 'oppose';
  target: EventActor | null;
  issue: string | null;
  evidence: Evidence;
}

/** The document summary printed at the top of an extraction. */
export interface DocumentSummary {
  title: string | null;
  date: string | null;
  length: number;
  text?: string;
}

/** Everything the extractor found in one document. */
export interface Extraction {
  document: DocumentSummary;
  events: ExtractedEvent[];
  prospects: ExtractedProspect[];
  figures: ExtractedFigure[];
  stances: ExtractedStance[];
  diagnostics: Diagnostic[];
}
