import { parseWorkerEnv } from './env.ts';
import { startWorker } from './start-worker.ts';

async function main(): Promise<void> {
  let env: ReturnType<typeof parseWorkerEnv>;
  try {
    env = parseWorkerEnv(process.env);
  } catch (error) {
    process.stderr.write(`Quip worker cannot start: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const worker = await startWorker(env);
  const shutdown = (signal: string) => {
    process.stderr.write(`${signal}: finishing or handing back running jobs\n`);
    worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Quip worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
