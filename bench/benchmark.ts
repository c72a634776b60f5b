// The shape of one benchmark of `npm run bench`. Each reports figures next to a baseline
// measured in the same run, because these machines are shared and noisy.

/** One benchmark: `run` returns the lines it prints. */
export interface Benchmark {
  name: string;
  /** What it reads from ../shared (a path inside it), when it needs the shared data. */
  shared?: string;
  run(): Promise<string[]>;
}

/** Month names, for generated documents. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A deterministic pseudo-random source, so both runs of a comparison see the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return s / 4294967296;
  };
}
