// `ties`: the command-line face of the services. Each command is a file in commands/ named as
// the command; this file finds them, dispatches, and turns errors into one line and an exit code.
// Only the command run is loaded (and `ties --help` loads the command files, not the services).
import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isTiesError } from '../errors.ts';
import { nearest, parse } from './args.ts';
import { usage, type Command } from './command.ts';

const COMMANDS = new URL('./commands/', import.meta.url);
/** The compiled CLI runs from .js files, the sources (tests, tsx) from .ts. */
const EXT = extname(new URL(import.meta.url).pathname);

/** The order `ties --help` lists the commands in; a command not named here comes after, by name. */
const ORDER = [
  'extract',
  'ingest',
  'timeline',
  'conflicts',
  'explain',
  'figures',
  'stances',
  'prospects',
];
const LAST = ['search', 'documents', 'serve', 'start', 'import', 'export'];

/** What the exit codes mean: `ties --help` and the README say the same. */
export const EXIT_CODES = `exit codes:
  0  done
  1  some input failed (the summary says which), an I/O error, or Node.js too old
  2  bad arguments: unknown command or option, a bad value (the message says which)
  3  input ties cannot read: empty, binary, undecodable, too large, not the format named
  4  not found: a file, database, country, document or event
  5  conflicts with what is stored`;

/** The names of the commands, from the files in commands/. */
export function commandNames(): string[] {
  const names = readdirSync(COMMANDS)
    .filter((f) => f.endsWith(EXT) && !f.endsWith(`.d${EXT}`))
    .map((f) => f.slice(0, -EXT.length));
  const rank = (n: string) => {
    const i = ORDER.indexOf(n);
    if (i >= 0) return i;
    const j = LAST.indexOf(n);
    return j >= 0 ? 1000 + j : 500;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function load(name: string): Promise<Command> {
  const mod = (await import(new URL(`${name}${EXT}`, COMMANDS).href)) as { default: Command };
  return mod.default;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return (pkg as { version: string }).version;
}

async function help(): Promise<string> {
  const list = await Promise.all(commandNames().map(load));
  const width = Math.max(...list.map((c) => c.name.length));
  return [
    'ties: a sourced timeline of relations between countries, from writing about them',
    '',
    'usage: ties COMMAND [options]   (ties COMMAND --help lists its options)',
    '       ties --version',
    '',
    'commands:',
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    EXIT_CODES,
  ].join('\n');
}

// `ties timeline … | head`: the reader went away; stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

/** Runs `ties` with the given arguments; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    console.log(version());
    return 0;
  }
  const names = commandNames();
  if (!names.includes(name)) {
    const dash = name.startsWith('-');
    const near = nearest(name.replace(/^-+/, ''), dash ? ['help', 'version'] : names);
    const hint = near.length
      ? `did you mean ${near
          .slice(0, 2)
          .map((n) => (dash ? `--${n}` : n))
          .join(' or ')}?`
      : 'ties --help lists them';
    console.error(`ties: unknown ${dash ? 'option' : 'command'} '${name}' (${hint})`);
    return 2;
  }
  const command = await load(name);
  // `--help` anywhere before a `--` asks for this command's help.
  const end = rest.indexOf('--');
  const own = end < 0 ? rest : rest.slice(0, end);
  if (own.includes('--help') || own.includes('-h')) {
    console.log(`${usage(command)}\n\n${EXIT_CODES}`);
    return 0;
  }
  try {
    return await command.run(parse(rest, command.flags));
  } catch (e) {
    if (isTiesError(e)) {
      console.error(`ties ${name}: ${e.message}`);
      return e.exitCode;
    }
    throw e;
  }
}
