// Extraction beside the store: a pool of worker threads runs the extractor while the main thread
// reads files and writes the database, so a batch ingest on a machine with a spare core is
// limited by the extractor rather than by extraction plus storage one after the other.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { TiesError, type TiesErrorCode } from '../../errors.ts';
import { clauseWordingsOf } from '../../extract/claims/clause-wording.ts';
import { extractWithClaims, type DocumentClaims } from '../../extract/index.ts';
import { splitSentences } from '../../extract/text/sentences.ts';
import type { Extraction, Span } from '../../extract/types.ts';

/** A document's text to extract, as the store will keep it. */
export interface ExtractJob {
  id: number;
  text: string;
  title: string | null;
  date: string | null;
}

/** What the store needs of a text: its extraction, sentence spans, claims and clause wordings. */
export interface Extracted {
  extraction: Extraction;
  sentences: Span[];
  claims: DocumentClaims;
  /** The stored wording of the clause around each event's and prospect's evidence (`spanKey`). */
  wordings: Record<string, string>;
}

/** A worker's answer to one job, or its word that it has loaded the extractor. */
export type ExtractReply =
  | { id: number; ok: Extracted }
  | { id: number; error: { name: string; message: string; code: TiesErrorCode | null } }
  | { ready: true };

/** The extraction and sentences of one text (in a worker or in this thread: the same function). */
export function extractForStore(job: Omit<ExtractJob, 'id'>): Extracted {
  const { extraction, claims } = extractWithClaims({
    text: job.text,
    title: job.title,
    date: job.date,
  });
  const sentences = splitSentences(job.text);
  // Read from the text alone, so here (in the thread) rather than by the storing thread.
  const wordings = clauseWordingsOf(job.text, sentences, [
    ...extraction.events.map((e) => e.evidence),
    ...extraction.prospects.map((p) => p.evidence),
  ]);
  return { extraction, sentences, claims, wordings };
}

/** No thread could take the job (none started): the caller should extract in its own thread. */
export class NoThreadError extends Error {
  override name = 'NoThreadError';
}

interface Job {
  message: ExtractJob;
  resolve: (r: Extracted) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Jobs sent and not answered, in the order sent (a thread answers in that order). */
  jobs: Map<number, Job>;
  /** It loaded the extractor (said so, or answered a job): dying after this is a document's doing. */
  started: boolean;
}

// Compiled (dist/, the `ties` command), the job loop is plain JavaScript a thread runs as it is;
// from the sources (tests, tsx), a small entry registers tsx's loader in the thread first.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./extract.worker.mjs', import.meta.url)
  : new URL('./extract-job.js', import.meta.url);

/**
 * A thread's heap by default: extraction holds a window of text at a time (about 100 MB at the
 * peak) and the document's findings, so a thread past this is a runaway; it dies alone and fails
 * its document, where the process's own limit would end the whole ingest.
 */
export const THREAD_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 2048 };

/**
 * `size` extraction threads; jobs go to the one with the fewest waiting. A thread that dies fails
 * the job it was working on (with a one-line reason) and hands the others to a new thread; a
 * thread that dies before answering anything is not replaced, and when none is left, jobs fail
 * with NoThreadError.
 */
export class ExtractPool {
  private readonly threads: Thread[] = [];
  private nextId = 1;
  private closed = false;
  private startFailure: string | null = null;

  /** `worker`: the thread's script (tests give their own); by default the extractor's. */
  constructor(
    readonly size: number,
    private readonly worker: URL = WORKER_URL,
    private readonly limits: ResourceLimits = THREAD_LIMITS,
  ) {
    for (let i = 0; i < size; i++) this.threads.push(this.spawn());
  }

  private spawn(): Thread {
    const thread: Thread = {
      worker: new Worker(this.worker, { resourceLimits: this.limits }),
      jobs: new Map(),
      started: false,
    };
    thread.worker.on('message', (reply: ExtractReply) => {
      thread.started = true;
      if ('ready' in reply) return;
      const job = thread.jobs.get(reply.id);
      if (!job) return;
      thread.jobs.delete(reply.id);
      if ('ok' in reply) job.resolve(reply.ok);
      else
        job.reject(
          reply.error.code
            ? new TiesError(reply.error.code, reply.error.message)
            : Object.assign(new Error(reply.error.message), { name: reply.error.name }),
        );
    });
    let gone = false;
    const died = (why: string) => {
      if (gone) return;
      gone = true;
      const at = this.threads.indexOf(thread);
      if (at >= 0) this.threads.splice(at, 1);
      if (this.closed) return;
      const waiting = [...thread.jobs.values()];
      if (!thread.started) {
        // It never worked (the loader or the extractor failed to load): do not try again.
        this.startFailure = why;
        for (const job of waiting) this.send(job);
        return;
      }
      // The job it was on is the likely cause: it fails; the others go to a new thread.
      waiting.shift()?.reject(new Error(`the extraction thread stopped on this document: ${why}`));
      this.threads.push(this.spawn());
      for (const job of waiting) this.send(job);
    };
    thread.worker.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return died(e.message);
      died(
        `out of memory (a thread's heap is ${this.limits.maxOldGenerationSizeMb ?? 'the default'} MB)`,
      );
    });
    thread.worker.on('exit', (code) => died(`exit code ${code}`));
    return thread;
  }

  private send(job: Job): void {
    if (this.closed) return job.reject(new Error('the extraction pool was closed'));
    if (!this.threads.length)
      return job.reject(
        new NoThreadError(
          `no extraction thread could start: ${this.startFailure ?? 'none asked for'}`,
        ),
      );
    const thread = this.threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    thread.jobs.set(job.message.id, job);
    thread.worker.postMessage(job.message);
  }

  /** Extracts `job` on the least busy thread. */
  run(job: Omit<ExtractJob, 'id'>): Promise<Extracted> {
    return new Promise<Extracted>((resolve, reject) =>
      this.send({ message: { ...job, id: this.nextId++ }, resolve, reject }),
    );
  }

  /** Stops the threads; jobs still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    const threads = [...this.threads];
    for (const t of threads) {
      for (const job of t.jobs.values()) job.reject(new Error('the extraction pool was closed'));
      t.jobs.clear();
    }
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}
