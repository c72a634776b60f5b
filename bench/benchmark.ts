// The shape of one benchmark of `npm run bench`. Each reports figures next to a baseline
// measured in the same run, because these machines are shared and noisy.

/** One benchmark: `run` returns the lines it prints. */
export interface Benchmark {
  name: string;
  /** What it reads from ../shared (a path inside it), when it needs the shared data. */
  shared?: string;
  run(): Promise<string[]>;
}
