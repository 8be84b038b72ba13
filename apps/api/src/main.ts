import { EnvError, parseEnv } from '@quip/runtime';
import { startServer } from './start-server.ts';

/** Process entry: validate the environment, start, and stop cleanly on SIGINT / SIGTERM. */
async function main(): Promise<void> {
  let env: ReturnType<typeof parseEnv>;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`Quip cannot start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const running = await startServer(env);
  const shutdown = (signal: string) => {
    process.stderr.write(`${signal}: finishing running jobs and closing connections\n`);
    // Running jobs get QUIP_WORKER_GRACE_SECONDS to finish; the rest of the stop is quick.
    const force = setTimeout(() => process.exit(1), (env.QUIP_WORKER_GRACE_SECONDS + 30) * 1000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`Quip failed to start: ${message}\n`);
  process.exit(1);
});
