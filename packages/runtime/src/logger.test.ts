import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture(service?: string) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream, service) };
}

describe('logger redaction', () => {
  it('never writes credentials or submitted data', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: {
          headers: { authorization: 'Bearer quip_secret-key', cookie: 'session=abc' },
          body: { name: 'Jane Doe' },
        },
        key: 'quip_another-secret',
        data: { dateOfBirth: '1961-04-02' },
        job: { data: { personId: 'P-123' }, body: 'raw' },
        rows: [{ name: 'Jane Doe' }],
        method: 'POST',
        path: '/api/v1/fiscal-years/2026-27/programs/dds-qip/submissions',
      },
      'request',
    );
    const text = lines.join('');
    for (const secret of [
      'quip_secret-key',
      'session=abc',
      'Jane Doe',
      'quip_another-secret',
      '1961-04-02',
      'P-123',
      'raw',
    ]) {
      expect(text).not.toContain(secret);
    }
    // What a person needs to follow a request stays.
    expect(text).toContain('/api/v1/fiscal-years/2026-27/programs/dds-qip/submissions');
    expect(text).toContain('[redacted]');
  });

  it('redacts a worker process exactly as it redacts the API', () => {
    const { lines, logger } = capture('quip-worker');
    logger.warn({ job: { data: { personId: 'P-123' } }, authorization: 'Bearer quip_k', runId: 7 }, 'job');
    const line = JSON.parse(lines.join('')) as Record<string, unknown>;
    expect(line).toMatchObject({
      service: 'quip-worker',
      job: { data: '[redacted]' },
      authorization: '[redacted]',
      runId: 7,
    });
  });
});
