// The shape every CLI command has. A command is one file in commands/ named as the command
// (commands/timeline.ts is `ties timeline`), whose default export is `defineCommand({...})`:
// main.ts finds it there, so adding a command touches no other file. A command file imports
// services inside `run` (await import(...)): `ties --help` then loads no extractor or store.
import type { Flags, Values } from './args.ts';

/** A subcommand of `ties`. */
export interface Command<F extends Flags = Flags> {
  name: string;
  /** One line for `ties --help`. */
  summary: string;
  /** What follows `ties NAME` in the usage line ("A [B]", "FILE|-"); "" for nothing. */
  args: string;
  /** Further usage lines, each a whole command ("ties extract --jsonl < batch.jsonl"). */
  forms?: string[];
  /** What the command does, for `ties NAME --help`. */
  about: string;
  /** Every flag it takes; `--help` lists them all. */
  flags: F;
  /** Runs the command; resolves to the process exit code. Throws TiesError for user errors. */
  run(args: { values: Values<F>; positionals: string[] }): Promise<number>;
}

/** Declares a command (types its flags' values from their declaration). */
export function defineCommand<const F extends Flags>(command: Command<F>): Command<F> {
  return command;
}

/** `ties NAME --help`: usage, what it does, every flag. */
export function usage(c: Command): string {
  const flagText = (name: string) => {
    const f = c.flags[name]!;
    return `${f.short ? `-${f.short}, ` : '    '}--${name}${f.value ? ` ${f.value}` : ''}`;
  };
  const rows: [string, string][] = Object.keys(c.flags).map((n) => [flagText(n), c.flags[n]!.help]);
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([l]) => l.length));
  const lines = [
    `usage: ties ${c.name}${c.args ? ` ${c.args}` : ''}${Object.keys(c.flags).length ? ' [options]' : ''}`,
    ...(c.forms ?? []).map((f) => `       ${f}`),
    '',
    c.about,
    '',
    'options:',
    ...rows.map(
      ([l, h]) => `  ${l.padEnd(width)}  ${h.split('\n').join(`\n  ${' '.repeat(width)}  `)}`,
    ),
  ];
  return lines.join('\n');
}
