import { DATABASE_KINDS } from '@quip/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ddsQipRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, json, useTestApp } from '../testing/test-app.ts';

const RULEBOOK = '/fiscal-years/2026-27/programs/dds-qip/rulebook';

describe.each(DATABASE_KINDS)('publishing with a change note on %s', (kind) => {
  const t = useTestApp(kind);
  const { api } = t;

  beforeAll(async () => {
    expect((await api(RULEBOOK, json(t.admin, ddsQipRulebook(), 'PUT'))).status).toBe(200);
  });

  it('refuses to publish without a note (422) and publishes nothing', async () => {
    for (const body of [{}, { note: '   ' }]) {
      const res = await api(`${RULEBOOK}/publish`, json(t.admin, body));
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        errors: [{ path: 'note', message: 'a change note is required: say what changed and why' }],
      });
    }
    const versions = (await (await api(`${RULEBOOK}/versions`, { headers: bearer(t.admin) })).json()) as {
      items: { version: number | null }[];
    };
    expect(versions.items.map((v) => v.version)).toEqual([null]);
  });

  it('keeps the note in the version history and the audit log', async () => {
    const note = 'ACRE training target raised to the 75th percentile (board decision of June 12)';
    const res = await api(`${RULEBOOK}/publish`, json(t.admin, { note: `  ${note} ` }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: number }).version).toBe(1);
    const versions = (await (await api(`${RULEBOOK}/versions`, { headers: bearer(t.admin) })).json()) as {
      items: { version: number | null; publishNote: string | null }[];
    };
    expect(versions.items).toMatchObject([{ version: 1, publishNote: note }]);
    const audit = (await (
      await api('/audit?action=rulebook.publish', { headers: bearer(t.admin) })
    ).json()) as {
      items: { details: { note?: string; version: number } }[];
    };
    expect(audit.items.map((e) => e.details)).toMatchObject([{ version: 1, note }]);
  });

  it('answers 409 with a note when there is no draft', async () => {
    expect((await api(`${RULEBOOK}/publish`, json(t.admin, { note: 'again' }))).status).toBe(409);
  });

  it('still publishes a request without a body (the form CONTRACT.md names), with no note', async () => {
    expect((await api(RULEBOOK, json(t.admin, ddsQipRulebook(), 'PUT'))).status).toBe(200);
    const res = await api(`${RULEBOOK}/publish`, { method: 'POST', headers: bearer(t.admin) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: number }).version).toBe(2);
    const versions = (await (await api(`${RULEBOOK}/versions`, { headers: bearer(t.admin) })).json()) as {
      items: { version: number | null; publishNote: string | null }[];
    };
    expect(versions.items.find((v) => v.version === 2)?.publishNote).toBeNull();
  });
});
