import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Problem } from '../http/problem.ts';
import type { UploadTimeouts } from '../limits/upload-timeouts.ts';
import { receiveBody } from './received-body.ts';

const tempDir = mkdtempSync(join(tmpdir(), 'quip-received-body-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const limits = (overrides: Partial<UploadTimeouts> = {}): UploadTimeouts => ({
  idleMs: 5_000,
  totalMs: 60_000,
  memoryBytes: 8,
  tempDir,
  ...overrides,
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** A body that sends `pieces` one per pull, then (unless `end`) never sends again. */
function bodyOf(pieces: string[], end = true): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const piece = pieces[next++];
      if (piece !== undefined) controller.enqueue(bytes(piece));
      else if (end) controller.close();
      else await new Promise(() => {});
    },
  });
}

async function textOf(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('receiveBody', () => {
  it('keeps a small body in memory and gives it back whole', async () => {
    const received = await receiveBody(bodyOf(['ab', 'cd']), limits());
    expect(received.path).toBeNull();
    expect(received.bytes).toBe(4);
    expect(await textOf(received.stream())).toBe('abcd');
    await received.dispose();
  });

  it('writes a larger body to a temporary file, reads it back in order and removes it', async () => {
    const pieces = Array.from({ length: 2_000 }, (_, i) => `row ${i}\n`);
    const received = await receiveBody(bodyOf(pieces), limits());
    expect(received.path).not.toBeNull();
    expect(readdirSync(tempDir)).toHaveLength(1);
    expect(await textOf(received.stream())).toBe(pieces.join(''));
    await received.dispose();
    await received.dispose();
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('removes the file when disposed while it is still being read', async () => {
    const received = await receiveBody(bodyOf(['x'.repeat(200_000)]), limits());
    const reader = received.stream().getReader();
    await reader.read();
    await received.dispose();
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('answers 408 naming the idle limit when no byte comes, and leaves no file', async () => {
    const error = await receiveBody(bodyOf(['header\n', 'one row\n'], false), limits({ idleMs: 50 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Problem);
    expect((error as Problem).status).toBe(408);
    expect((error as Problem).message).toMatch(/^No byte of the request body arrived for 50 ms/);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('answers 408 naming the total limit to a body that never ends, however lively', async () => {
    const endless = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.enqueue(bytes('row\n'));
      },
    });
    const error = await receiveBody(endless, limits({ totalMs: 200, idleMs: 1_000 })).catch(
      (e: unknown) => e,
    );
    expect((error as Problem).status).toBe(408);
    expect((error as Problem).message).toMatch(/took longer than 200 ms/);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('passes on the body limit problem (413) and answers 400 to a body that breaks off, leaving no file', async () => {
    const tooLarge = new Problem(413, 'payload-too-large', 'Payload too large', 'too large');
    const failing = (error: unknown) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes('x'.repeat(100)));
          controller.error(error);
        },
      });
    expect(await receiveBody(failing(tooLarge), limits()).catch((e: unknown) => e)).toBe(tooLarge);
    const broken = await receiveBody(failing(new Error('aborted')), limits()).catch((e: unknown) => e);
    expect((broken as Problem).status).toBe(400);
    expect(readdirSync(tempDir)).toEqual([]);
  });
});
