// The job thread's first module (job-thread.ts starts it). Quip runs its TypeScript sources through
// tsx's loader, which `node --import tsx` gives the main thread only: the thread registers it, then
// loads its TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./job-thread-worker.ts');
