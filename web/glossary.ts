// What the PLOVER types and quad classes mean, in a line each, for the page's hover titles and
// legend. Source: the PLOVER 2.0 draft manual's definition of each event type (openeventdata/
// PLOVER, P. Schrodt et al., CC BY-SA 4.0; ../shared/data/plover/PLOVER_MANUAL.tex), shortened.
import type { QuadClass } from '../src/codes/plover.ts';
import type { PloverType } from '../src/extract/types.ts';

/** One line on each PLOVER 2.0 event type. */
export const TYPE_MEANING: Record<PloverType, string> = {
  AGREE: 'Agree to, offer or promise to cooperate, including promises to sign or ratify agreements',
  CONSULT: 'Consultations and meetings: visits, hosting, talks at a neutral place, calls',
  SUPPORT:
    'Diplomatic, non-material support: praise, endorse, recognise a state, sign or ratify a treaty',
  CONCEDE:
    'Verbal concessions: promised easing of restrictions, declared (not yet carried out) ceasefires',
  COOPERATE:
    'Start, resume or expand mutual material cooperation or exchange: trade, joint projects, drills',
  AID: 'Material aid that mainly benefits the recipient: economic, military, humanitarian',
  RETREAT:
    'Concessions with immediate material effect: withdraw forces, release prisoners, return property',
  REQUEST: 'Requests, demands and orders',
  ACCUSE: 'Disapprove, criticise, condemn, accuse, investigate, sue',
  REJECT: 'Rejections and refusals',
  THREATEN: 'Threats and coercive warnings with serious possible repercussions',
  SANCTION: 'Reduce existing relations: sanctions, embargoes, recalled envoys, broken ties',
  PROTEST: 'Civilian demonstrations and other collective protests against the recipient',
  MOBILIZE:
    'Military or police moves short of using force: alerts, deployments, exercises as posturing',
  COERCE: 'Repression and coercive uses of power short of violence: arrests, expulsions, seizures',
  ASSAULT:
    'Deliberate actions that can cause substantial physical harm: attacks, shelling, killings',
};

/** One line on each quad class. */
export const QUAD_MEANING: Record<QuadClass, string> = {
  'verbal-cooperation':
    'Said, not yet done: agreeing, meeting, supporting, conceding (AGREE, CONSULT, SUPPORT, CONCEDE)',
  'material-cooperation':
    'Done together or given: cooperation, aid, withdrawals and releases (COOPERATE, AID, RETREAT)',
  'verbal-conflict':
    'Hostile words and cut ties: demands, accusations, refusals, threats, sanctions (REQUEST, ACCUSE, REJECT, THREATEN, SANCTION)',
  'material-conflict':
    'Hostile acts: protests, mobilisation, coercion, violence (PROTEST, MOBILIZE, COERCE, ASSAULT)',
};

/** The meaning of a type, or '' for a name that is not one. */
export function typeMeaning(type: string): string {
  return (TYPE_MEANING as Record<string, string>)[type] ?? '';
}
