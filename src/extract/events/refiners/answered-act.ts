// "Qatar rejected the demands", "Tehran accepted the offer", "Kabul denied the accusation": an
// act whose object names an earlier act answers that act, so the earlier act's source is its
// other side when its own clause names one party only (its other parties, all of them). The
// earlier act is the latest candidate of the last few sentences whose trigger is that noun's act.
import { closedClass } from '../../text/closed-class.ts';
import { nounForms } from '../inflect.ts';
import type { TriggerRefiner } from './state.ts';

// Object nouns that name an act, and the trigger words of the act they name.
const ACT_NOUNS: Record<string, RegExp> = {
  demand: /^demand/,
  offer: /^offer/,
  proposal: /^propos/,
  request: /^request/,
  call: /^call/,
  appeal: /^appeal/,
  ultimatum: /^ultimatum/,
  initiative: /^initiative/,
  invitation: /^invit/,
  accusation: /^accus/,
  allegation: /^alleg|^accus/,
  charge: /^charge|^accus/,
  warning: /^warn/,
  threat: /^threat/,
  sanction: /^sanction/,
  ruling: /^rul/,
};
// Each form of an act noun ("demands"), to the noun.
const ACT_NOUN_OF = new Map(
  Object.keys(ACT_NOUNS).flatMap((noun) => nounForms(noun).map((form) => [form, noun] as const)),
);
// Words between the verb and its object noun: determiners and possessives, numbers, and this
// rule's describing words and quantity nouns ("the latest set of demands").
const DESCRIBING = new Set(['latest', 'new', 'recent', 'earlier', 'previous', 'list', 'of', 'set']);
const beforeNoun = (key: string) =>
  closedClass('determiner').has(key) ||
  closedClass('possessive').has(key) ||
  DESCRIBING.has(key) ||
  /^\d+$/.test(key);
// How many sentences back the answered act may stand.
const REACH = 5;

/** Adds the source of the act an object noun names, to an act with one party. */
export const answeredAct: TriggerRefiner = {
  name: 'answered-act',
  scope: 'trigger',
  run(t) {
    const { s, hit, doc } = t;
    const roles = t.roles;
    if (!roles || hit.nominal || new Set(roles.codes).size !== 1) return undefined;
    let j = hit.last + 1;
    while (j < s.tokens.length && j <= hit.last + 4 && beforeNoun(s.tokens[j]!.key)) j++;
    const noun = ACT_NOUN_OF.get(s.tokens[j]?.key ?? '');
    const act = noun ? ACT_NOUNS[noun] : undefined;
    if (!act) return undefined;
    const own = roles.codes[0]!;
    const here = s.sentence.index;
    for (let k = doc.candidates.length - 1; k >= 0; k--) {
      const c = doc.candidates[k]!;
      if (here - c.sentence > REACH) break;
      if (!c.lemma.split(/\s+/).some((w) => act.test(w))) continue;
      // Every party of the earlier act but this one: "A, B and C issued demands to D" lists
      // its source whole only in its codes.
      const other = [...new Set(c.roles.codes)].filter((code) => code !== own);
      if (other.length === 0) continue;
      t.roles = {
        ...roles,
        target: roles.target ?? c.roles.source ?? null,
        codes: [...roles.codes, ...other],
        how: `${roles.how}; the source of the ${noun} before`,
      };
      doc.trace?.(`roles of '${t.trigger.text}' add the source of the ${noun} before: [${other}]`);
      return undefined;
    }
    return undefined;
  },
};
