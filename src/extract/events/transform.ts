// What modality does to an event's type, following PLOVER's coding of intentions and negations:
// a promise to cooperate is AGREE, a conditional or announced hostile act is THREATEN, a refusal
// of a cooperative act is REJECT. The CAMEO code moves to the matching family.
import type { PloverType } from '../types.ts';
import type { ModalityReading } from './modality.ts';

/** The type, mode and CAMEO code an event takes once its modality is known; null drops it. */
export interface Coded {
  type: PloverType;
  mode: string | null;
  cameo: string;
}

const COOPERATIVE = new Set<PloverType>([
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
]);
const HOSTILE = new Set<PloverType>([
  'SANCTION',
  'COERCE',
  'ASSAULT',
  'PROTEST',
  'MOBILIZE',
  'REJECT',
]);

// Intent to do X (CAMEO 03x) for each cooperative type.
const INTENT: Partial<Record<PloverType, string>> = {
  AGREE: '030',
  CONSULT: '036',
  SUPPORT: '032',
  CONCEDE: '035',
  COOPERATE: '031',
  AID: '033',
  RETREAT: '035',
};
// Threaten to do X (CAMEO 13x) for each hostile type.
const THREAT: Partial<Record<PloverType, string>> = {
  SANCTION: '131',
  COERCE: '132',
  ASSAULT: '138',
  PROTEST: '133',
  MOBILIZE: '138',
  REJECT: '130',
  RETREAT: '1313',
};
// Refuse X (CAMEO 12x) for each cooperative type.
const REFUSAL: Partial<Record<PloverType, [string, string | null]>> = {
  AGREE: ['127', 'meet'],
  CONSULT: ['125', 'meet'],
  SUPPORT: ['120', null],
  CONCEDE: ['124', 'yield'],
  COOPERATE: ['121', 'assist'],
  AID: ['122', 'assist'],
  RETREAT: ['124', 'yield'],
  REQUEST: ['120', null],
};

/** True for the hostile acts that a future, a condition or a promise turns into a threat. */
export function isHostile(type: PloverType): boolean {
  return HOSTILE.has(type);
}

/** True for the types that are cooperation (PLOVER quads 1 and 2). */
export function isCooperative(type: PloverType): boolean {
  return COOPERATIVE.has(type);
}

/** The event coding for an asserted, negated or future act; null when no event results. */
export function codeFor(
  type: PloverType,
  mode: string | null,
  cameo: string,
  m: ModalityReading,
): Coded | null {
  // "Sudan must return the helicopter": the speaker demands it.
  if (m.obligation && m.modality !== 'negated')
    return { type: 'REQUEST', mode: null, cameo: '100' };
  if (m.modality === 'negated') {
    const refusal = REFUSAL[type];
    // "did not attack" is no event at all; "has not established ties" refuses a relation.
    return refusal ? { type: 'REJECT', mode: refusal[1], cameo: refusal[0] } : null;
  }
  if (m.modality === 'future') {
    if (HOSTILE.has(type) || (type === 'RETREAT' && m.conditional)) {
      return { type: 'THREATEN', mode: null, cameo: THREAT[type] ?? '130' };
    }
    const intent = INTENT[type];
    return intent ? { type: 'AGREE', mode: null, cameo: intent } : { type, mode, cameo };
  }
  if (m.modality === 'hypothetical') {
    return m.conditional && HOSTILE.has(type)
      ? { type: 'THREATEN', mode: null, cameo: THREAT[type] ?? '130' }
      : null;
  }
  return { type, mode, cameo };
}
