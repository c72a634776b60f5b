// The job loop of an extraction worker: text in, extraction and sentence spans out. Pure work,
// no database: the main thread keeps every read and write of the store.
import { parentPort } from 'node:worker_threads';
import { isTiesError } from '../../errors.ts';
import { extractForStore, type ExtractJob, type ExtractReply } from './extract-pool.ts';

if (!parentPort) throw new Error('extract-job.ts runs in a worker thread');
const port = parentPort;
port.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    reply = { id: job.id, ok: extractForStore(job) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply = {
      id: job.id,
      error: {
        name: error.name,
        message: error.message,
        code: isTiesError(error) ? error.code : null,
      },
    };
  }
  port.postMessage(reply);
});
// Loaded: from now on, this thread dying is the fault of the document it is on.
port.postMessage({ ready: true } satisfies ExtractReply);
