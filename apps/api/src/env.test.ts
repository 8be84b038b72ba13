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
  ])('stops on a malformed %s and names it', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^invalid environment:\\n  ${name}:`));
  });
});
