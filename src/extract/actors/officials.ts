// Which official a name means, given the year the text is about: "President Bush" in 1990 is
// George H. W. Bush, "Shevardnadze" in 1988 speaks for the USSR and in 1995 for Georgia.
import type { Term } from './gazetteer.ts';

/** The year a mention is about: a year in its sentence, else the latest earlier one in its paragraph, else the document's. */
export interface YearContext {
  sentence: number | null;
  paragraph: number | null;
  document: number | null;
}

function inOffice(t: Term, year: number): boolean {
  return t.start <= year && year <= t.end;
}

/**
 * The term a mention of an official refers to, or null when the candidates disagree on the code
 * and nothing decides between them. `titleGroup` (head, minister, …) prefers a fitting office.
 * `dated`: only a term that covers a year of the text, and one code among those, will do.
 */
export function pickTerm(
  terms: Term[],
  years: YearContext,
  titleGroup?: string | null,
  dated = false,
): Term | null {
  if (terms.length === 0) return null;
  let pool = terms;
  let dateKnown = false;
  let serves = false;
  // A dated term answers to its sentence's year alone when the sentence has one ("In 2010 the
  // Taliban attacked" is no state's act in a 2024 story).
  const context =
    dated && years.sentence !== null
      ? [years.sentence]
      : [years.sentence, years.paragraph, years.document];
  for (const y of context) {
    if (y === null) continue;
    dateKnown = true;
    const serving = pool.filter((t) => inOffice(t, y));
    if (serving.length > 0) {
      pool = serving;
      serves = true;
      break;
    }
  }
  // A dated official (the generated office-holders) out of office in every year the text is
  // about acts for no one.
  if (dated && dateKnown && !serves) return null;
  if (titleGroup === 'head') {
    const heads = pool.filter((t) =>
      /president|prime minister|premier|chancellor|king|queen|emir|leader|shah|head of|chairman|secretary/.test(
        t.office,
      ),
    );
    if (heads.length > 0) pool = heads;
  }
  const codes = new Set(pool.map((t) => t.code));
  if (codes.size === 1) return latest(pool);
  if (dated) return null;
  // Undated and still ambiguous: the most recent office is the likelier subject of news, but
  // only when one person holds it; two namesakes in different states stay unresolved.
  const persons = new Set(pool.map((t) => t.person));
  if (persons.size === 1) return latest(pool);
  return null;
}

function latest(terms: Term[]): Term {
  return terms.reduce((a, b) => (b.start > a.start ? b : a));
}
