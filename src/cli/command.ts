// The shape every CLI command has. main.ts lists the commands; each lives in its own file
// under commands/ and stays thin: parse arguments, call a service, format the result.

/** A subcommand of `ties`. */
export interface Command {
  name: string;
  /** One line for `ties --help`. */
  summary: string;
  /** Usage text for `ties NAME --help`. */
  usage: string;
  /** Runs the command; resolves to the process exit code. Throws TiesError for user errors. */
  run(argv: string[]): Promise<number>;
}
