// PLOVER 2.0 event types with their quad class and cooperation–conflict score.
// Source: PLOVER 2.0 draft manual, table of events, modes and scores (openeventdata/PLOVER,
// CC BY-SA 4.0), via ../shared/data/plover/plover_events_modes_scores.tsv.
import { PLOVER_TYPES, type PloverType } from '../extract/types.ts';

/** PLOVER's four quad classes. */
export type QuadClass =
  | 'verbal-cooperation'
  | 'material-cooperation'
  | 'verbal-conflict'
  | 'material-conflict';

const QUAD: Record<PloverType, QuadClass> = {
  AGREE: 'verbal-cooperation',
  CONSULT: 'verbal-cooperation',
  SUPPORT: 'verbal-cooperation',
  CONCEDE: 'verbal-cooperation',
  COOPERATE: 'material-cooperation',
  AID: 'material-cooperation',
  RETREAT: 'material-cooperation',
  REQUEST: 'verbal-conflict',
  ACCUSE: 'verbal-conflict',
  REJECT: 'verbal-conflict',
  THREATEN: 'verbal-conflict',
  SANCTION: 'verbal-conflict',
  PROTEST: 'material-conflict',
  MOBILIZE: 'material-conflict',
  COERCE: 'material-conflict',
  ASSAULT: 'material-conflict',
};

/** The quad class of a PLOVER type. */
export function quadClass(type: PloverType): QuadClass {
  return QUAD[type];
}

/** True when `s` names one of the 16 PLOVER 2.0 types (case-insensitive). */
export function isPloverType(s: string): s is PloverType {
  return (PLOVER_TYPES as readonly string[]).includes(s.toUpperCase());
}
