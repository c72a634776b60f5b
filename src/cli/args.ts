// Argument parsing for every command: node's parseArgs under a declared list of flags, so that
// help lists every flag, a misspelt flag gets the nearest one, and errors are one plain line.
import { parseArgs } from 'node:util';
import type { ZodType, output } from 'zod';
import { TiesError } from '../errors.ts';
import { editDistance, typoLimit } from '../extract/text/edit-distance.ts';

/** One flag of a command, with what `--help` says about it. */
export interface Flag {
  type: 'string' | 'boolean';
  short?: string;
  /** The flag may repeat; its values come as a list. */
  multiple?: boolean;
  /** The value's placeholder in help ("N", "FILE", "YYYY"). */
  value?: string;
  /** One line (or a few, joined by newlines) for `--help`. */
  help: string;
}

/** The flags of a command, by long name. */
export type Flags = Record<string, Flag>;

type Value<F extends Flag> = F['type'] extends 'boolean'
  ? F['multiple'] extends true
    ? boolean[]
    : boolean
  : F['multiple'] extends true
    ? string[]
    : string;

/** The parsed values of `F`; a flag not given is absent. */
export type Values<F extends Flags> = { [K in keyof F]?: Value<F[K]> };

/** The flag every command that reads or writes the store takes. */
export const dbFlag = {
  type: 'string',
  value: 'FILE',
  help: 'the database file (default: $TIES_DB or ./ties.db)',
} as const satisfies Flag;

/** The `--json` flag of the listing commands. */
export const jsonFlag = {
  type: 'boolean',
  help: 'print JSON instead of text',
} as const satisfies Flag;

/** How validation messages name the positional countries A and B (for `check`). */
export const COUNTRY_ARGS = { a: 'the first country', b: 'the second country' };

/** The scope of a listing for its heading: " between A and B", " about A", or nothing. */
export function pairScope(
  a: { name: string } | null | undefined,
  b: { name: string } | null | undefined,
): string {
  if (a && b) return ` between ${a.name} and ${b.name}`;
  return a ? ` about ${a.name}` : '';
}

/** The candidates nearest to `word` (at most a third of its letters off, and at most 2). */
export function nearest(word: string, candidates: readonly string[]): string[] {
  const w = word.toLowerCase();
  const limit = typoLimit(w);
  const scored = candidates
    .map((c) => ({
      c,
      d: c.startsWith(w) && w.length >= 3 ? 0.5 : editDistance(w, c.toLowerCase()),
    }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.map((x) => x.c);
}

/** " (did you mean --from?)", or "" when nothing is near. */
function didYouMean(flag: string, flags: Flags): string {
  const name = flag.replace(/^-+/, '').split('=')[0] ?? '';
  const near = nearest(name, [...Object.keys(flags), 'help']);
  return near.length
    ? ` (did you mean ${near
        .slice(0, 2)
        .map((n) => `--${n}`)
        .join(' or ')}?)`
    : '';
}

/** Parses `argv` against `flags`; a bad flag or a missing value becomes a one-line TiesError. */
export function parse<F extends Flags>(
  argv: string[],
  flags: F,
): { values: Values<F>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, f]) => [
      name,
      { type: f.type, multiple: f.multiple ?? false, ...(f.short ? { short: f.short } : {}) },
    ]),
  );
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Values<F>, positionals: r.positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    // parseArgs names the option as '-f, --format <value>' or '--format' or '-f'.
    const quoted =
      /--[^\s'=]+/.exec(err.message)?.[0] ?? /'(-[^\s',]+)/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new TiesError('INVALID', `unknown option ${quoted}${didYouMean(quoted, flags)}`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = quoted.replace(/^-+/, '');
      const flag = flags[name] ?? Object.values(flags).find((f) => f.short === name);
      const long = flags[name] ? name : Object.keys(flags).find((k) => flags[k] === flag);
      if (flag?.type === 'boolean') throw new TiesError('INVALID', `--${long} takes no value`);
      throw new TiesError(
        'INVALID',
        `--${long ?? name} needs a value${flag?.value ? ` (${flag.value})` : ''}`,
      );
    }
    throw new TiesError('INVALID', err.message.split('\n')[0] ?? 'bad arguments');
  }
}

/**
 * Validates `input` with a shared schema; the message names the flag or argument a user typed
 * (`names` maps a field to it: `{ from: '--from', a: 'the first country' }`), never a schema path.
 */
export function check<S extends ZodType>(
  schema: S,
  input: unknown,
  names: Record<string, string>,
): output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path[0];
  const name = typeof field === 'string' ? (names[field] ?? `--${field}`) : null;
  throw new TiesError('INVALID', `${name ? `${name}: ` : ''}${issue?.message ?? 'invalid input'}`);
}

/** Checks an option that must be a date `YYYY-MM-DD`. */
export function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const day = new Date(`${value}T00:00:00Z`);
  // The round trip refuses dates Date would roll over ("2021-02-30" is not 2 March).
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(day.getTime()) ||
    !day.toISOString().startsWith(value)
  ) {
    throw new TiesError('INVALID', `${flag} takes a date as YYYY-MM-DD, not '${value}'`);
  }
  return value;
}

/** Checks an option that must be a whole number from 0 to `max`. */
export function count(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new TiesError('INVALID', `${flag} takes a whole number from 0 to ${max}, not '${value}'`);
  }
  return Number(value);
}

/** Checks an option that is a size in bytes: `N`, or `N` with `K`, `M` or `G` (binary units). */
export function byteSize(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(value.trim());
  const n = m ? Number(m[1]) * 1024 ** ' kmg'.indexOf(m[2]!.toLowerCase() || ' ') : NaN;
  if (!m || !(n >= 1))
    throw new TiesError(
      'INVALID',
      `${flag} takes a size in bytes (as 5000000, 64M or 1G), not '${value}'`,
    );
  return Math.floor(n);
}
