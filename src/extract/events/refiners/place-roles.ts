// A state named as what talks were about is no party of them (GUIDELINES: participants are the
// parties that act or are acted on), read on the tree: "a Security Council meeting on
// Afghanistan", "the ministers discussed China and its role", "talks about Taiwan" leave the
// topic out. (Where talks took place stays: the host is mostly one of their parties, and for
// other acts "over X's crackdown" or "on Iran" names the side acted on.) Only a mention after
// such a preposition, or after a verb of discussing, asks for the tree.
import type { ActorMention } from '../../types.ts';
import { rolesFrom } from '../roles.ts';
import { mentionPlace } from '../tree/decide.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import { labelOf, type TriggerRefiner, type TriggerState } from './state.ts';

const MARKER = /^(on|about|over|regarding|concerning)$/;
// Words between the marker and the name ("on the Afghan question", "about its neighbour").
const SKIP = /^(the|a|an|its|their|his|her|neighbou?ring|[a-z]+ern|central)$/;
const DISCUSS = /^(discuss|discussed|discusses|discussing|debated?|debating|addressed)$/;

/** True when a marker of topic stands just before the mention, or a verb of discussing. */
function worthParsing(t: TriggerState, m: ActorMention): boolean {
  const { tokens } = t.s;
  let j = tokens.findIndex((w) => w.start >= m.start) - 1;
  while (j >= 0 && SKIP.test(tokens[j]!.key)) j--;
  if (j >= 0 && MARKER.test(tokens[j]!.key)) return true;
  return m.start > tokens[t.hit.last]!.end && DISCUSS.test(tokens[t.hit.first]!.key);
}

/** Drops from the roles of talks the states named as what they are about. */
export const placeRoles: TriggerRefiner = {
  name: 'place-roles',
  scope: 'trigger',
  run(t) {
    const roles = t.roles;
    if (!roles || t.hit.entry.type !== 'CONSULT' || roles.used.length < 2) return undefined;
    const asked = roles.used.filter((m) => worthParsing(t, m));
    if (!asked.length) return undefined;
    const tree = sentenceTree(t.s);
    const trigger = treeTrigger(t.s, t.hit);
    const topics = asked.filter((m) => mentionPlace(tree, trigger, m, true) === 'topic');
    if (!topics.length) return undefined;
    const kept = roles.used.filter((m) => !topics.includes(m));
    const source = kept.filter((m) => m === roles.source);
    const rest = kept.filter((m) => m !== roles.source);
    t.roles = source.length
      ? rolesFrom(source, rest, `${roles.how}; no topic`)
      : rolesFrom(rest, [], `${roles.how}; no topic`);
    for (const m of topics)
      t.doc.trace?.(`drop ${m.code} from ${labelOf(t)}: what it is about, on the tree`);
    return undefined;
  },
};
