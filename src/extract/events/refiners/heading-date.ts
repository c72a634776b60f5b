// A date heading the sentence dates every clause that has none of its own: "1947: Turkey
// recognises …", "12 March 2015 – X visits …", "In 2017, X visited Astana, where the two
// presidents signed …". A chronology entry's date heads every sentence of its line
// ("Aug. 2 -- X did … . Y protested.").
import type { TimeMention } from '../../types.ts';
import type { Token } from '../../syntax/tokenizer.ts';
import { headsEntry } from '../../dates/lexicon.ts';
import type { SentenceRefiner } from './state.ts';

function headingOf(tokens: readonly Token[], times: readonly TimeMention[]): TimeMention | null {
  const first = times[0];
  if (!first?.value) return null;
  const k = tokens.findIndex((t) => t.start >= first.end);
  const before = tokens.filter((t) => t.end <= first.start).map((t) => t.key);
  const bullet = before.every((w) => /^[-*•·]$/.test(w));
  const fronted = before.length <= 1 && before.every((w) => /^(in|on|by|during|since)$/.test(w));
  const after = k >= 0 ? tokens[k]!.key : '';
  // A dash may be typed as a run of hyphens ("May 9 -- X did"): one token of the layer.
  return (bullet && /^(?::|-+|–|—)$/.test(after)) || (fronted && after === ',') ? first : null;
}

/** Where the line holding `at` ends. */
function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
}

/** Sets the sentence's heading date: its own, or its chronology entry's. */
export const headingDate: SentenceRefiner = {
  name: 'heading-date',
  scope: 'sentence',
  run(s) {
    const { doc, sentence } = s;
    const own = headingOf(s.tokens, s.times);
    if (own)
      doc.entry = headsEntry(doc.text, own.start, own.end)
        ? { date: own, paragraph: sentence.paragraph, lineEnd: lineEnd(doc.text, sentence.start) }
        : null;
    const entry = doc.entry;
    s.heading =
      own ??
      (entry && entry.paragraph === sentence.paragraph && sentence.start < entry.lineEnd
        ? entry.date
        : null);
    return undefined;
  },
};
