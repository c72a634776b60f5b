// What an event refiner is: a small value `{ name, scope, run }` over one of three states: the
// document (what carries from sentence to sentence), a sentence (its tokens, triggers and date
// layout), a trigger (what the refiners so far decided about it). A refiner reads what the ones
// before it in `index.ts` set, and sets its own fields; the order there is the contract.
import type {
  ActorMention,
  DateValue,
  Evidence,
  ExtractedEvent,
  ExtractedProspect,
  ProspectKind,
  Sentence,
  TimeMention,
} from '../../types.ts';
import type { Token } from '../../syntax/tokenizer.ts';
import type { TriggerHit } from '../find-triggers.ts';
import type { ModalityReading } from '../modality.ts';
import type { Roles } from '../roles.ts';
import type { SentenceLayout } from '../event-dates.ts';
import type { Candidate } from '../merge-mentions.ts';
import type { Coded } from '../transform.ts';
import type { SentenceTree } from '../tree/sentence-tree.ts';

/** A line of the extraction trace: which rule did what, and why a candidate was dropped. */
export type TraceFn = (line: string) => void;

/** What the event stage reads. */
export interface BuildContext {
  text: string;
  sentences: readonly Sentence[];
  actors: readonly ActorMention[];
  times: readonly TimeMention[];
  /** The document's main pair of states, for "bilateral" events that name one side only. */
  pair: [string, string] | null;
  /** The document's date, `YYYY-MM-DD`: no act reported as done happens after it. */
  date?: string | null;
  formatDate: (v: DateValue) => string;
  trace?: TraceFn;
}

/** What carries from sentence to sentence, and the stage's output. */
export interface DocumentState {
  ctx: BuildContext;
  text: string;
  /** The trace, each line prefixed with the refiner that wrote it; undefined when not asked. */
  trace?: TraceFn;
  /** Cursors into `ctx.actors` and `ctx.times` (both sorted by offset). */
  actorIndex: number;
  timeIndex: number;
  /** Every official named so far, for "his"/"her" before an event noun. */
  officials: ActorMention[];
  /** The parties of the last act on each object noun ("sanctions", "ties"), by the noun. */
  byObject: Map<string, { roles: Roles; sentence: number }>;
  /** The date of the last act the story dated against its own present ("on Tuesday"). */
  present: { date: TimeMention; sentence: number } | null;
  /** The one date the last sentence counted from the document date, act or no act. */
  sentenceDay: { date: TimeMention; sentence: number; subject: string[] } | null;
  /** The chronology entry whose line is being read ("Aug. 2 -- X did … . Y protested."). */
  entry: { date: TimeMention; paragraph: number; lineEnd: number } | null;
  /** The day of the last statement an act was dated in ("said in a joint statement Friday"). */
  statement: { date: TimeMention; paragraph: number } | null;
  /** The last dated visit and its parties: their undated acts just after it are its acts. */
  visit: {
    date: TimeMention;
    codes: string[];
    sentence: number;
    paragraph: number;
    /** Opened in the lede: the document tells of this visit, beyond its paragraph too. */
    lede: boolean;
  } | null;
  /** Events and prospects before merging, in text order. */
  candidates: Candidate[];
  events: ExtractedEvent[];
  prospects: ExtractedProspect[];
}

/** The last verb that had roles, for the conjunct that shares its subject. */
export interface LastVerb {
  hit: TriggerHit;
  roles: Roles;
}

/** The last verb and its date (`own`); `date` when it stands before the verb (it may date a conjunct too). */
export interface LeadingVerb {
  hit: TriggerHit;
  own: TimeMention | null;
  date: TimeMention | null;
}

/** One sentence and what its refiners found. */
export interface SentenceState {
  doc: DocumentState;
  sentence: Sentence;
  /** The actors wholly inside the sentence. */
  actors: ActorMention[];
  times: TimeMention[];
  tokens: Token[];
  /** The triggers found; after `governing-acts`, only those no other trigger governs. */
  hits: TriggerHit[];
  /** Each governed trigger with the trigger governing it. */
  governed: Map<TriggerHit, TriggerHit>;
  /** The date heading the sentence or its chronology line, which dates every clause without one. */
  heading: TimeMention | null;
  /** Token indices of the verbs of saying. */
  sayings: number[];
  layout: SentenceLayout;
  lastVerb: LastVerb | null;
  leading: LeadingVerb | null;
  /** The sentence's dependency tree, parsed on first need (sentence-tree.ts); unset until then. */
  tree?: SentenceTree;
}

/** "Germany invaded France … and occupied Paris": the subject a conjunct shares, and where. */
export interface Conjunct {
  subject: ActorMention[];
  verb: TriggerHit;
  firstAt: number;
  andAt: number;
}

/** One dated mention of a trigger: an event, a prospect, or both, at one date. */
export interface DatedMention {
  /** The time mention, or null for an undated mention. */
  time: TimeMention | null;
  evidence: Evidence;
  date: DateValue | null;
  planned: DateValue | null;
}

/** One trigger and what the refiners decided about it so far. */
export interface TriggerState {
  doc: DocumentState;
  s: SentenceState;
  hit: TriggerHit;
  trigger: Evidence;
  /** The clause roles come from, `[start, end)` in tokens. */
  clause: [number, number];
  /** The wider span a date may come from (", and" does not end it). */
  dateClause: [number, number];
  modality: ModalityReading;
  /** The actors roles are read from (the sentence's, and a possessive official). */
  roleActors: ActorMention[];
  conjunct: Conjunct | null;
  roles: Roles | null;
  /** The object noun, singular ("sanction", "tie"). */
  object: string | null;
  /** The clause's own candidate dates, nearest first. */
  dates: TimeMention[];
  /** A date shared with the verb before ("In 1930 X visited Ankara and signed …"). */
  shared: TimeMention | null;
  /** The date of the saying that reports the act. */
  said: TimeMention | null;
  /** The date of the visit the act was done at: a promise made there is dated by it. */
  visitDate: TimeMention | null;
  /** The dates picked, one mention each; `[null]` for an undated act. */
  own: (TimeMention | null)[];
  /** The dates the mentions take (`own`, or the story's present carried to an undated act). */
  times: (TimeMention | null)[];
  /** The event's proper name when the trigger is part of one ("Khojaly Massacre"), lowercased. */
  name: string | null;
  /** What the modality makes the act's content: a plan, a hope or a pending deal. */
  prospectKind: ProspectKind | null;
  /** The event coding; null for no event. */
  coded: Coded | null;
  /** The prospect the act states (a plan, a proposal, a pending deal), and its type. */
  content: { kind: ProspectKind; type: Candidate['type'] } | null;
  mentions: DatedMention[];
}

/** A refiner reading or changing a sentence; a string return skips the sentence, saying why. */
export interface SentenceRefiner {
  name: string;
  scope: 'sentence';
  run(s: SentenceState): string | undefined;
}

/** A refiner reading or changing one trigger's event; a string return drops it, saying why. */
export interface TriggerRefiner {
  name: string;
  scope: 'trigger';
  run(t: TriggerState): string | undefined;
}

/** A refiner over the whole document's candidates. */
export interface DocumentRefiner {
  name: string;
  scope: 'document';
  run(d: DocumentState): void;
}

/** One step of the event stage. */
export type EventRefiner = SentenceRefiner | TriggerRefiner | DocumentRefiner;

/** The trigger as the trace names it: type, words, lexicon row and offset. */
export function labelOf(t: TriggerState): string {
  const e = t.hit.entry;
  return `${e.type} '${t.trigger.text}' (${e.file}:${e.line}) @${t.trigger.start}`;
}

/** The evidence `[start, end)` of the text. */
export function spanOf(text: string, start: number, end: number): Evidence {
  return { start, end, text: text.slice(start, end) };
}

// Until `modality` reads the clause, an act is as the text asserts it.
const ASSERTED: ModalityReading = {
  modality: 'asserted',
  hope: false,
  pending: false,
  conditional: false,
  obligation: false,
  alternative: false,
  cues: [],
};

/** A trigger's state before any trigger refiner ran. */
export function triggerState(s: SentenceState, hit: TriggerHit): TriggerState {
  const { tokens } = s;
  const trigger = spanOf(s.doc.text, tokens[hit.first]!.start, tokens[hit.last]!.end);
  return {
    doc: s.doc,
    s,
    hit,
    trigger,
    clause: [hit.first, hit.last + 1],
    dateClause: [hit.first, hit.last + 1],
    modality: ASSERTED,
    roleActors: s.actors,
    conjunct: null,
    roles: null,
    object: hit.objAt !== null ? tokens[hit.objAt]!.key.replace(/s$/, '') : null,
    dates: [],
    shared: null,
    said: null,
    visitDate: null,
    own: [null],
    times: [null],
    name: null,
    prospectKind: null,
    coded: null,
    content: null,
    mentions: [],
  };
}
