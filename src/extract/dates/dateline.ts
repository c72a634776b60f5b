// A wire story's dateline ("TOKYO, March 17, 2023 —", "WASHINGTON, 5 May 2021 (Reuters) -"), a
// press release's place and date ("Tokyo, 12 May 2024" on a line of its own) or a page's
// "Published 12 March 2024" line names the day the story was written: the document date, when
// none was given. Only the first lines are read, and only a full date (with its year) counts:
// "March 17 (Reuters) -" alone does not say which year.
import type { Span } from '../types.ts';
import { DAY, MONTH, YEAR, monthNumber } from './lexicon.ts';
import { isValidDay } from './value.ts';

/** How far into the text a dateline may stand (after a title and a byline). */
const REACH = 600;

const DATE = `(?:(${MONTH})\\s+(${DAY}),?\\s+(${YEAR})|(${DAY})\\s+(${MONTH}),?\\s+(${YEAR})|(${YEAR})-(\\d{2})-(\\d{2}))`;
// "TOKYO, " or "KYIV, Ukraine, " before the date; an agency in brackets and a dash after it.
const PLACE = "(?:[A-Z][A-Z.'’ -]{1,40}(?:,\\s*[A-Z][\\p{L}.'’ -]{1,30})?,\\s*)";
const AGENCY = '(?:\\s*\\([A-Z][\\p{L}. ]{1,30}\\))?';
const WIRE = new RegExp(`^\\s*${PLACE}(?:[A-Z][a-z]+,\\s*)?${DATE}${AGENCY}\\s*[—–-]`, 'mu');
// A press release's place and date on a line of their own ("Tokyo, 12 May 2024").
const PRESS = new RegExp(
  `^[ \\t]*[A-Z][\\p{L}.'’ -]{1,40}(?:,[ \\t]*[A-Z][\\p{L}.'’ -]{1,30})?,[ \\t]*${DATE}[ \\t]*$`,
  'mu',
);
const STAMP = new RegExp(
  `^\\s*(?:Published|Posted|Updated|Date|Dated)(?:\\s+on)?:?\\s+(?:[A-Z][a-z]+,\\s*)?${DATE}`,
  'mu',
);

/** The dateline's day as `YYYY-MM-DD`, with where it stands, or null. */
export function findDateline(text: string): ({ date: string } & Span) | null {
  const head = text.slice(0, REACH);
  for (const re of [WIRE, PRESS, STAMP]) {
    const m = re.exec(head);
    if (!m) continue;
    const y = Number(m[3] ?? m[6] ?? m[7]);
    const mo = m[1] ? monthNumber(m[1]) : m[5] ? monthNumber(m[5]) : Number(m[8]);
    const d = Number.parseInt((m[2] ?? m[4] ?? m[9])!, 10);
    if (!mo || !isValidDay(y, mo, d)) continue;
    const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    return { date, start, end: m.index + m[0].length };
  }
  return null;
}
