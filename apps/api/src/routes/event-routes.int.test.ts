import { docExample } from '@quip/catalog';
import { DATABASE_KINDS } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCatalogRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, json, openTestApp, type TestApp } from '../testing/test-app.ts';

// Run completions are events a client can follow and, after a reconnect, catch up on (issue 16,
// notifications): every event's id says where the stream stands, and Last-Event-ID resumes there.
const PROGRAM = '/api/v1/fiscal-years/2026-27/programs/dds-qip';

interface SentEvent {
  id: string;
  event: string;
  data: { runId?: number; status?: string };
}

describe.each(DATABASE_KINDS)('the event stream on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let submitter: string;

  /** The events of a stream opened with this Last-Event-ID, read until `enough` or `ms` have passed. */
  const follow = async (
    key: string,
    lastEventId: string,
    enough: (events: SentEvent[]) => boolean,
    ms = 20_000,
  ) => {
    const res = await t.app.request('/api/v1/events', {
      headers: { ...bearer(key), 'Last-Event-ID': lastEventId },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const events: SentEvent[] = [];
    let text = '';
    const deadline = Date.now() + ms;
    while (!enough(events) && Date.now() < deadline) {
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()));
      const chunk = await Promise.race([reader.read(), timeout]);
      if (chunk === null || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
      const blocks = text.split('\n\n');
      text = blocks.pop() ?? '';
      for (const block of blocks) {
        const field = (name: string) => block.match(new RegExp(`^${name}: ?(.*)$`, 'm'))?.[1];
        const event = field('event');
        if (event) events.push({ id: field('id') ?? '', event, data: JSON.parse(field('data') ?? '{}') });
      }
    }
    await reader.cancel();
    return events;
  };
  const completedRun = () => t.succeededRun(PROGRAM, admin, { asOf: '2027-08-31' });

  beforeAll(async () => {
    t = await openTestApp(kind, { worker: true, clock: () => new Date('2027-08-31T18:00:00Z') });
    admin = await t.keyFor('admin');
    submitter = await t.keyFor('submitter', ['dds-qip:PV1234-950']);
    await publishCatalogRulebook(t.database.db, '2026-27', 'dds-qip');
    const payees = docExample('dds-qip', 'payees dds-qip 2026-27');
    expect((await t.app.request(`${PROGRAM}/entities`, json(admin, payees))).status).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  it('sends run completions with ids, and a reconnect with the last id gets only what came after', async () => {
    const first = await completedRun();
    const fromStart = await follow(admin, '0-0-0', (e) => e.some((x) => x.data.runId === first));
    const firstEvent = fromStart.find((e) => e.event === 'run.completed' && e.data.runId === first);
    expect(firstEvent?.data.status).toBe('succeeded');
    expect(firstEvent?.id).toMatch(/^\d+-\d+-\d+$/);

    const second = await completedRun();
    const resumed = await follow(admin, firstEvent!.id, (e) => e.some((x) => x.data.runId === second));
    const completions = resumed.filter((e) => e.event === 'run.completed').map((e) => e.data.runId);
    // The first run was sent before the id the client resumes from: it is not sent again.
    expect(completions).toEqual([second]);
  });

  it("keeps run completions from a submitter's stream", async () => {
    // Every completion is already stored: a stream sends what it may at its first poll.
    const events = await follow(submitter, '0-0-0', () => false, 3_000);
    expect(events.filter((e) => e.event === 'run.completed')).toEqual([]);
  });
});
