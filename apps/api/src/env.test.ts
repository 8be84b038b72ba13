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
  ])('stops on a malformed %s and names it', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^invalid environment:\\n  ${name}:`));
  });
});
