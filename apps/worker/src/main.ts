import { type Env, parseEnv } from '@quip/runtime';
import { startWorker } from './start-worker.ts';

async function main(): Promise<void> {
  let env: Env;
  try {
    // The environment schema the API reads, in the worker role (which needs PostgreSQL and Redis).
    env = parseEnv({ ...process.env, QUIP_ROLE: 'worker' });
  } catch (error) {
    process.stderr.write(`Quip worker cannot start: ${(error as Error).message}\n`);
    process.exit(2);
  }
  // Signals are handled from the start: a stop asked for while the workers are still starting
  // waits for them to be up, then stops them cleanly.
  const starting = startWorker(env);
  const shutdown = (signal: string) => {
    process.stderr.write(`${signal}: finishing or handing back running jobs\n`);
    starting
      .then((worker) => worker.stop())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  await starting;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Quip worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
