export { type Env, EnvError, EnvSchema, parseEnv } from './env.ts';
export { createLogger, type Logger, REDACTED_PATHS } from './logger.ts';
export { openRuntime, type Runtime, type RuntimeOptions } from './open-runtime.ts';
