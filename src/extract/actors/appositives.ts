// A person named beside a state's office, set off by commas: "Argentina's foreign minister, Diego
// Ruiz, said", "Grace Mwita, the Tanzanian president, arrived". The apposition says whose
// official the person is, though the gazetteer's office-holders (dated dictionaries) do not
// know the name: a government newer than them, a minister they never listed.
import { models, UPOS } from '../syntax/index.ts';
import type { ActorMention } from '../types.ts';
import { fold } from './gazetteer.ts';
import type { WordToken } from './matcher.ts';
import { trie } from './trie.ts';

/** What the apposition rule asks of the actor layer's vocabularies. */
export interface AppositiveOptions {
  /** A title's folded key ("foreign minister"). */
  isTitle(key: string): boolean;
  /** A capitalised word that is no name: a weekday, a month, a closed-class word. */
  notName(key: string): boolean;
}

const GAP = /^[ \u00a0]$|^-$/;
// A name's words: capitalised, a letter after the first.
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’]*$/u;
const PROPN = UPOS.indexOf('PROPN');

/** Reading a person's name around the actor mentions of a text. */
export interface NameReader {
  /** The index of the first token starting at or after `at`. */
  tokenAt(at: number): number;
  /** True when a mention overlaps the span. */
  covered(start: number, end: number): boolean;
  /** A word of a person's name. */
  nameWord(t: WordToken): boolean;
  /** The last token of the name that starts at token `first` (at most four words), or -1. */
  nameFrom(first: number): number;
}

/** The name reader of one text and its mentions. */
export function nameReader(
  text: string,
  tokens: WordToken[],
  mentions: ActorMention[],
  options: AppositiveOptions,
): NameReader {
  const starts = tokens.map((t) => t.start);
  const tokenAt = (at: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const covered = (start: number, end: number) =>
    mentions.some((m) => m.start < end && start < m.end);
  const dictionary = models().dictionary;
  // A word of a person's name: capitalised, not a title or a closed-class word, nothing the
  // gazetteer reads, and not a word the treebank always tags as something other than a name
  // ("However", "Meanwhile").
  const nameWord = (t: WordToken): boolean => {
    if (!NAME_WORD.test(t.text) || options.notName(t.key) || options.isTitle(t.key)) return false;
    if (trie.lookup(t.text).length > 0) return false;
    const tag = dictionary.get(t.text);
    return tag === undefined || tag === PROPN;
  };
  const nameFrom = (first: number): number => {
    let last = -1;
    for (let i = first; i < tokens.length && i < first + 4; i++) {
      if (i > first && !GAP.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) break;
      if (!nameWord(tokens[i]!)) break;
      last = i;
    }
    return last;
  };
  return { tokenAt, covered, nameWord, nameFrom };
}

/** The mention of a person named at tokens [first, last] as `m`'s official. */
export function personMention(
  text: string,
  tokens: WordToken[],
  m: ActorMention,
  first: number,
  last: number,
): ActorMention {
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  const person = text.slice(start, end);
  return { ...m, start, end, text: person, how: 'official', person, codes: [m.code] };
}

/**
 * Adds, for each official mention that names only an office ("Chile's foreign minister", "the
 * Kenyan president", "foreign minister of Uruguay"), a mention of the person its apposition
 * names, as that state's official: after it (", Ana Pérez,") or before it ("Ana Pérez, …,").
 */
export function withAppositiveNames(
  text: string,
  tokens: WordToken[],
  mentions: ActorMention[],
  options: AppositiveOptions,
): ActorMention[] {
  const { tokenAt, covered, nameWord, nameFrom } = nameReader(text, tokens, mentions, options);
  const added: ActorMention[] = [];
  const add = (m: ActorMention, first: number, last: number) => {
    if (covered(tokens[first]!.start, tokens[last]!.end)) return;
    added.push(personMention(text, tokens, m, first, last));
  };

  for (const m of mentions) {
    if (m.how !== 'official' || !m.person || !options.isTitle(fold(m.person))) continue;
    // After it: ", Diego Ruiz," up to four words, closed by punctuation or a lower-case word.
    // "The EU ambassador to Kenya, Henriette Geiger,": the post's place may come first.
    const post = /^(?:[ \u00a0]+(?:to|in))?[ \u00a0]+(?:the[ \u00a0]+)?/.exec(
      text.slice(m.end, m.end + 12),
    );
    const place =
      post && (post[0].trim() !== '' || /\b(?:to|in)$/.test(m.text))
        ? mentions.find((x) => x.start === m.end + post[0].length && x.kind === 'state')
        : undefined;
    const from = place ? place.end : m.end;
    const comma = /^,[ \u00a0]+/.exec(text.slice(from, from + 4));
    if (comma) {
      const first = tokenAt(from + comma[0].length);
      const last = nameFrom(first);
      if (last >= 0) {
        const rest = text.slice(tokens[last]!.end, tokens[last]!.end + 3);
        // One word alone must be closed by a comma: "…, Reuters reported" is no apposition.
        const closed = last > first ? /^(?:[,.;:)]|\s+\p{Ll}|\s*$)/u : /^,/;
        if (closed.test(rest) && !/^['’]/.test(rest)) add(m, first, last);
      }
    }
    // Before it: "Ana Pérez, Chile's foreign minister," closed by punctuation after the office.
    const lead = /,[ \u00a0]+(?:the[ \u00a0]+)?$/.exec(
      text.slice(Math.max(0, m.start - 8), m.start),
    );
    if (lead && /^(?:[,.;:)]|\s*$)/.test(text.slice(m.end, m.end + 2))) {
      const commaAt = m.start - lead[0].length;
      const last = tokenAt(commaAt) - 1;
      if (last < 0 || tokens[last]!.end !== commaAt) continue;
      let first = -1;
      for (let i = last; i >= 0 && i > last - 4; i--) {
        if (i < last && !GAP.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) break;
        if (!nameWord(tokens[i]!)) break;
        first = i;
      }
      // The name is the whole phrase: a capitalised word before it would make it part of another.
      const prev = first > 0 ? tokens[first - 1] : undefined;
      if (
        first >= 0 &&
        !(
          prev &&
          GAP.test(text.slice(prev.end, tokens[first]!.start)) &&
          /^\p{Lu}/u.test(prev.text)
        )
      )
        add(m, first, last);
    }
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}
