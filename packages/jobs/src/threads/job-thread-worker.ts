import { parentPort, workerData } from 'node:worker_threads';
import { jobDefinitions } from '../handlers/job-definitions.ts';
import { parsePayload } from '../job-runner.ts';
import { threadDatabase } from './thread-database.ts';
import { type FromJobThread, type JobThreadData, plainError, type ToJobThread } from './thread-messages.ts';

// The job thread (job-thread.ts): runs the handlers of jobDefinitions() on a Kysely instance whose
// statements the main thread runs, so a job's computation never holds the HTTP thread's event loop.

const port = parentPort;
if (!port) throw new Error('job-thread-worker.ts runs on a worker thread only');
const data = workerData as JobThreadData;
const { db, answer } = threadDatabase(port);
const definitions = new Map(
  jobDefinitions({ db, chunkConcurrency: data.chunkConcurrency }).map((d) => [d.queue, d]),
);
const abort = new AbortController();
const send = (message: FromJobThread) => port.postMessage(message);

async function runJob(job: Extract<ToJobThread, { kind: 'job' }>): Promise<void> {
  try {
    const definition = definitions.get(job.queue);
    if (!definition) throw new Error(`the job thread has no job type ${job.queue}`);
    const value = await definition.handle(parsePayload(definition, job.payload), {
      jobId: job.jobId,
      attempt: job.attempt,
      signal: abort.signal,
      progress: async () => {},
    });
    send({ kind: 'ended', id: job.id, ok: true, value });
  } catch (error) {
    send({ kind: 'ended', id: job.id, ok: false, error: plainError(error) });
  }
}

port.on('message', (message: ToJobThread) => {
  if (message.kind === 'rows' || message.kind === 'rows-part') answer(message);
  else if (message.kind === 'abort') abort.abort();
  else void runJob(message);
});
send({ kind: 'ready' });
