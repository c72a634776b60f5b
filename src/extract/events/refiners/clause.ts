// The clause a trigger's roles come from (", and <subject> <verb>" ends it), and the wider one a
// date may come from ("spoke on Wednesday, and both sides agreed"): clauses.ts.
import { clauseAround } from '../clauses.ts';
import type { TriggerRefiner } from './state.ts';

/** Sets the trigger's clause and date clause. */
export const clause: TriggerRefiner = {
  name: 'clause',
  scope: 'trigger',
  run(t) {
    const { hit, s } = t;
    t.clause = clauseAround(s.tokens, hit.first, hit.last, hit.nominal, t.doc.text);
    t.dateClause = clauseAround(s.tokens, hit.first, hit.last, hit.nominal, null);
    return undefined;
  },
};
