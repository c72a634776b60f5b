// A person named after a state's or organisation's office that the title list does not hold
// whole: "UN human rights chief Volker Türk", "UNRWA head Philippe Lazzarini", "Chile's top
// diplomat, Ana Pérez,". The phrase ends in a title's head noun ("chief" of "army chief",
// "head" of "head of state", "diplomat"), read from the title list, so the person is that
// actor's official, and later mentions by surname are too.
import type { ActorMention } from '../types.ts';
import { type AppositiveOptions, nameReader, personMention } from './appositives.ts';
import { gazetteer } from './gazetteer.ts';
import type { WordToken } from './matcher.ts';

// Words that make the office no one's now or not an office of the actor.
const NOT_OFFICE = /^(?:former|ex|onetime|one-time|erstwhile|late|then|would-be|self-styled)$/;

/** Adds a mention for the person an office phrase after a state or organisation names. */
export function withOfficePhrases(
  text: string,
  tokens: WordToken[],
  mentions: ActorMention[],
  options: AppositiveOptions,
): ActorMention[] {
  const heads = gazetteer.officeHeads;
  const { tokenAt, covered, nameFrom } = nameReader(text, tokens, mentions, options);
  const added: ActorMention[] = [];
  for (const m of mentions) {
    if (m.how === 'official' || m.how === 'reference' || m.how === 'compound') continue;
    // "UN human rights chief", "Chile's top diplomat": up to three lower-case words, the last a
    // title's head noun.
    const after =
      /^(?:['’]s?)?[ \u00a0]+((?:[a-z][a-z'-]*[ \u00a0]+){0,3})([a-z-]+)(,?)[ \u00a0]+/.exec(
        text.slice(m.end, m.end + 80),
      );
    if (!after || !heads.has(after[2]!)) continue;
    const words = after[1]!.split(/[ \u00a0]+/).filter(Boolean);
    if (words.some((w) => NOT_OFFICE.test(w) || options.notName(w))) continue;
    const first = tokenAt(m.end + after[0].length);
    const last = nameFrom(first);
    if (last < 0) continue;
    const rest = text.slice(tokens[last]!.end, tokens[last]!.end + 3);
    // Set off by commas, the name is closed by one (or the sentence's end); run on, it needs
    // two words or an end of phrase: "UN envoy Smith said".
    const closed = after[3] ? /^(?:[,.;:)]|\s*$)/ : /^(?:[,.;:)]|\s+\p{Ll}|\s*$)/u;
    if (!closed.test(rest) || /^['’]/.test(rest)) continue;
    if (covered(tokens[first]!.start, tokens[last]!.end)) continue;
    added.push(personMention(text, tokens, m, first, last));
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}
