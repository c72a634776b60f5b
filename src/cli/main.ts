// `ties`: the command-line face of the services. Each command is a file in commands/;
// this file only dispatches and turns errors into one line and an exit code.
import { isTiesError } from '../errors.ts';
import type { Command } from './command.ts';
import { commands } from './commands/index.ts';

function help(list: readonly Command[]): string {
  const width = Math.max(...list.map((c) => c.name.length));
  return [
    'usage: ties COMMAND [options]   (ties COMMAND --help for its options)',
    '',
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
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
    console.log(help(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`ties: unknown command '${name}' (ties --help lists them)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (isTiesError(e)) {
      console.error(`ties ${name}: ${e.message}`);
      return e.exitCode;
    }
    throw e;
  }
}
