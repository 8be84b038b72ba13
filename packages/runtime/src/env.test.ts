import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';

describe('environment', () => {
  it('defaults to embedded mode on 127.0.0.1:3000', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      QUIP_DATA_DIR: './.quip',
      QUIP_ROLE: 'all',
      QUIP_DEMO: '1',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('limits each API key to 600 requests a minute unless told otherwise', () => {
    expect(parseEnv({}).QUIP_RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(parseEnv({ QUIP_RATE_LIMIT_PER_MINUTE: '6000' }).QUIP_RATE_LIMIT_PER_MINUTE).toBe(6000);
  });

  it('treats empty strings as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', REDIS_URL: ' ', QUIP_ADMIN_KEY: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.QUIP_ADMIN_KEY).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['QUIP_ROLE', 'scheduler'],
    ['DATABASE_URL', 'mysql://localhost/quip'],
    ['REDIS_URL', 'localhost:6379'],
    ['QUIP_DEMO', 'yes'],
    ['QUIP_ADMIN_KEY', 'short'],
    ['QUIP_RATE_LIMIT_PER_MINUTE', '0'],
    ['QUIP_RATE_LIMIT_PER_MINUTE', 'lots'],
    ['QUIP_WORKER_CONCURRENCY', '0'],
    ['QUIP_WORKER_CONCURRENCY', '1.5'],
    ['QUIP_WORKER_CONCURRENCY', '65'],
    ['QUIP_WORKER_GRACE_SECONDS', '-1'],
    ['QUIP_QUEUE_PREFIX', 'quip:prod'],
    ['QUIP_QUEUE_PREFIX', 'x'.repeat(101)],
    ['QUIP_WORKER_LOCK_MS', '499'],
    ['QUIP_WORKER_LOCK_MS', 'soon'],
    ['QUIP_LOG_LEVEL', 'verbose'],
  ])('stops on a malformed %s and names it', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^invalid environment:\\n  ${name}:`));
  });

  it('gives the job runner settings one default for the API and the worker', () => {
    expect(parseEnv({})).toMatchObject({
      QUIP_WORKER_CONCURRENCY: 2,
      QUIP_WORKER_GRACE_SECONDS: 30,
      QUIP_QUEUE_PREFIX: 'quip',
      QUIP_WORKER_LOCK_MS: 30_000,
    });
    expect(
      parseEnv({
        QUIP_WORKER_CONCURRENCY: '8',
        QUIP_WORKER_GRACE_SECONDS: '0',
        QUIP_QUEUE_PREFIX: ' quip-staging ',
        QUIP_WORKER_LOCK_MS: '500',
      }),
    ).toMatchObject({
      QUIP_WORKER_CONCURRENCY: 8,
      QUIP_WORKER_GRACE_SECONDS: 0,
      QUIP_QUEUE_PREFIX: 'quip-staging',
      QUIP_WORKER_LOCK_MS: 500,
    });
  });

  it('names both missing URLs when a worker-only process has no PostgreSQL and no Redis', () => {
    expect(() => parseEnv({ QUIP_ROLE: 'worker' })).toThrow(
      'invalid environment:\n  DATABASE_URL: is required: a separate worker shares PostgreSQL with the API\n  REDIS_URL: is required: a separate worker takes its jobs from Redis',
    );
    const scaled = { DATABASE_URL: 'postgres://db/quip', REDIS_URL: 'redis://queue:6379' };
    expect(parseEnv({ ...scaled, QUIP_ROLE: 'worker' })).toMatchObject({ ...scaled, QUIP_ROLE: 'worker' });
    // The API roles keep the embedded defaults.
    expect(parseEnv({ QUIP_ROLE: 'api' }).DATABASE_URL).toBeUndefined();
  });
});
