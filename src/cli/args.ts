// Argument parsing shared by the commands: node's parseArgs, with errors as TiesError.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TiesError } from '../errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` against `options`; unknown flags and missing values become a TiesError. */
export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new TiesError('INVALID', (e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

/** Checks an option that must be a date `YYYY-MM-DD`. */
export function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TiesError('INVALID', `${flag} takes a date as YYYY-MM-DD, not '${value}'`);
  }
  return value;
}

/** Checks an option that must be a whole number from 0 to `max`. */
export function count(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > max) throw new TiesError('INVALID', `${flag} takes a whole number from 0 to ${max}, not '${value}'`);
  return Number(value);
}
