// The entry of an extraction worker thread: registers tsx's loader in this thread (as bin/ties.js
// does in the main one), then runs the TypeScript job loop.
import { register } from 'tsx/esm/api';

register();
await import('./extract-job.ts');
