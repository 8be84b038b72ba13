import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { Problem } from '../http/problem.ts';
import type { KeyRateLimiter } from './key-rate-limiter.ts';

/**
 * The address a request came from: the socket's peer as Hono's node server reports it. A
 * client's X-Forwarded-For is not read (anyone can write it); a request that did not come through
 * a socket (an in-process test) has no address and is not counted.
 */
export function clientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Failed authentications per client address (e.g. 30 a minute). Once an address is over its
 * limit every request from it answers 429 with Retry-After before its key is even looked at, so
 * guessing keys stops and a good key learns nothing from a blocked address.
 */
export class AuthFailureGate {
  constructor(private readonly limiter: KeyRateLimiter) {}

  /** 429 when this address has failed too often; null to go on and check the key. */
  async blocked(address: string | undefined): Promise<Problem | null> {
    if (address === undefined) return null;
    const state = await this.limiter.limiter.get(address);
    if (state === null || state.consumedPoints < this.limiter.perMinute) return null;
    return this.tooMany(state.msBeforeNext);
  }

  /** Counts a failure; the failure that crosses the limit is already 429. */
  async failed(address: string | undefined): Promise<Problem | null> {
    if (address === undefined) return null;
    try {
      await this.limiter.limiter.consume(address);
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return this.tooMany(rejection.msBeforeNext);
    }
  }

  private tooMany(msBeforeNext: number): Problem {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return new Problem(
      429,
      'too-many-requests',
      'Too many requests',
      `Too many failed authentications from this address (at most ${this.limiter.perMinute} a minute); retry in ${seconds} s.`,
      { retryAfter: seconds },
    );
  }
}
