// Reads PETRARCH2's Phoenix agents dictionary (Phoenix.agents.txt, Open Event Data Alliance, MIT)
// for the scripts that generate gazetteer tables from it (build-titles.ts, build-agents.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One agent line of the dictionary. */
export interface PhoenixAgent {
  /** Its noun phrase, each `!SET!` in it replaced by every member: lower case, single spaces. */
  forms: string[];
  /** The plurals it lists in braces, written the same way; null when it has no braces. */
  plurals: string[] | null;
  /** Its sector code, without the "~" ("GOVBUS"). */
  code: string;
}

/** "OF_DEFENCE  ,X" → "of defence, x". */
const written = (f: string) =>
  f
    .replace(/_+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .trim()
    .toLowerCase();

/** The agents of `dir`/Phoenix.agents.txt, in file order. */
export function readPhoenixAgents(dir: string): PhoenixAgent[] {
  const sets = new Map<string, string[]>();
  const agents: PhoenixAgent[] = [];
  for (const raw of readFileSync(join(dir, 'Phoenix.agents.txt'), 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    // "!MINIST! = minister, ministry": a set, used by the lines after it.
    const set = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(line);
    if (set) {
      sets.set(
        set[1]!,
        set[2]!
          .split(',')
          .map((w) => w.trim())
          .filter(Boolean),
      );
      continue;
    }
    const m = /^(.+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]/.exec(line);
    if (!m) continue;
    let forms = [m[1]!.replace(/\s+/g, '_')];
    for (const [key, members] of sets) {
      forms = forms.flatMap((f) =>
        f.includes(key) ? members.map((w) => f.split(key).join(w)) : [f],
      );
    }
    const plurals =
      m[2] === undefined
        ? null
        : m[2].replace(/[{}]/g, ' ').trim().split(/\s+/).filter(Boolean).map(written);
    agents.push({ forms: forms.map(written), plurals, code: m[3]! });
  }
  return agents;
}
