// The event stage, in order: what each sentence holds, then what each trigger becomes, then the
// document's merge. A refiner reads what the ones above it set (state.ts); each line says why it
// stands where it does. `ties extract --explain` prefixes each decision with the refiner's name.
import type { EventRefiner } from './state.ts';
import { answeredAct } from './answered-act.ts';
import { candidates } from './candidates.ts';
import { clause } from './clause.ts';
import { clauseDates } from './clause-dates.ts';
import { codeByModality } from './code-by-modality.ts';
import { conjunctSubject } from './conjunct-subject.ts';
import { coordinatedActs } from './coordinated-acts.ts';
import { dateLayout } from './date-layout.ts';
import { datedMentions } from './dated-mentions.ts';
import { findPredicates } from './find-predicates.ts';
import { governingActs } from './governing-acts.ts';
import { governedOnTree } from './governed-on-tree.ts';
import { frontedCircumstance } from './fronted-circumstance.ts';
import { circumstanceRoles } from './circumstance-roles.ts';
import { negationOnTree } from './negation-on-tree.ts';
import { rolesOnTree } from './roles-on-tree.ts';
import { headingDate } from './heading-date.ts';
import { leadingVerb } from './leading-verb.ts';
import { ledePresent } from './lede-present.ts';
import { mergeMentions } from './merge-mentions.ts';
import { modality } from './modality.ts';
import { neverAfterReport } from './never-after-report.ts';
import { noParticipant } from './no-participant.ts';
import { otherSideFromPair } from './other-side-from-pair.ts';
import { partiesFromContext } from './parties-from-context.ts';
import { pickDate } from './pick-date.ts';
import { placeRoles } from './place-roles.ts';
import { referredAct } from './referred-act.ts';
import { reportedAccusation } from './reported-accusation.ts';
import { possessiveOfficial } from './possessive-official.ts';
import { prospects } from './prospects.ts';
import { rememberObject } from './remember-object.ts';
import { roles } from './roles.ts';
import { sayingDate } from './saying-date.ts';
import { sayings } from './sayings.ts';
import { sentenceMentions } from './sentence-mentions.ts';
import { sentencePresent } from './sentence-present.ts';
import { sharedDate } from './shared-date.ts';
import { statementDate } from './statement-date.ts';
import { storyPresent } from './story-present.ts';
import { twoParties } from './two-parties.ts';
import { unrealisedNoun } from './unrealised-noun.ts';
import { visitActs } from './visit-acts.ts';

export type {
  DocumentRefiner,
  DocumentState,
  EventRefiner,
  SentenceRefiner,
  SentenceState,
  TriggerRefiner,
  TriggerState,
} from './state.ts';

/** Every event refiner, in run order: sentence refiners, then trigger refiners, then document ones. */
export const EVENT_REFINERS: readonly EventRefiner[] = [
  // Sentence: its actors and times first; it walks them in step, and a sentence naming no one is
  // skipped before it is tokenized.
  sentenceMentions,
  // Triggers need the organisation names, whose words are not triggers.
  findPredicates,
  // A statement blaming a party is a trigger of its own: before the governed ones are read.
  reportedAccusation,
  // Governed triggers go before the layout: a dropped trigger does not block another's date.
  governingActs,
  // What the clause words miss: conditions and content clauses, on the parsed sentence.
  governedOnTree,
  // "imposed tariffs on exports to Z, then exempted …": a verb the tree coordinates with the one
  // said to govern it is an act of its own.
  coordinatedActs,
  // "After X did A, Y did B": B is the main act, not A's content (the heuristics read it so).
  frontedCircumstance,
  // The heading date may come from an earlier line's entry: before any trigger reads it.
  headingDate,
  sayings,
  dateLayout,
  // The sentence's own day is read before its acts: story-present carries it to the next one.
  sentencePresent,
  // Trigger: the clause bounds what every later refiner reads.
  clause,
  // Modality reads the clause's cues; an alternative not taken needs no roles.
  modality,
  // "has no intention of lifting": a governing "no" the auxiliary chain does not reach.
  negationOnTree,
  // Roles read the possessive official and the conjunct's subject: both first.
  possessiveOfficial,
  conjunctSubject,
  roles,
  // Fewer than two parties from the clause words: the tree's arguments may name more.
  rolesOnTree,
  // The opening circumstance's act keeps to its own clause's actors.
  circumstanceRoles,
  // A place or topic is no party; after the tree and the circumstance chose the parties.
  placeRoles,
  // Dates before context parties: a dated act of cooperation is the document pair's.
  clauseDates,
  partiesFromContext,
  // "rejected the demands": the demand's source is the other side, before the pair is tried.
  answeredAct,
  noParticipant,
  // Remembered before the noun check: a noun's object still names the parties for the next act.
  rememberObject,
  unrealisedNoun,
  // The clause's own dates, then the verb before's, then the saying's, then the heading's.
  sharedDate,
  sayingDate,
  pickDate,
  // The present carries to undated acts only after the clause, saying and heading had none.
  storyPresent,
  // A lede's act still undated and told in the present perfect or progressive is news of the
  // time of writing.
  ledePresent,
  // After the present: a statement dated by the present's carry is recorded too.
  statementDate,
  // A visit's undated acts just after it: after the present, which carries to the next sentence.
  visitActs,
  // Last of the dates: every carry above read the clause of the act that mentions the noun.
  referredAct,
  // The next trigger's shared date is this verb's final one.
  leadingVerb,
  // The other side before coding: the pair's second party counts as a participant from here on.
  otherSideFromPair,
  codeByModality,
  // Prospects before two parties: a one-sided promise loses its event, not its plan.
  prospects,
  twoParties,
  // Mentions need the final roles and modality; a plan's date is not the act's.
  datedMentions,
  neverAfterReport,
  candidates,
  // Document: merging needs every candidate.
  mergeMentions,
];
