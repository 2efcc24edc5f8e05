import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { EnrollResponse } from '../../shared/sync/protocol.js';
import { DESK_SCHEMA_VERSION } from '../../shared/sync/version.js';
import { startTestHq, type TestHq } from '../support/hq.js';

/** A rollout day: the desks of a new site enrol in the same second, and every one of them gets in. */
describe('desks of one site enrolling at once', () => {
  let hq: TestHq;
  beforeAll(async () => {
    hq = await startTestHq();
  }, 120_000);
  afterAll(async () => {
    await hq?.close();
  });

  it('enrols all of them, with one ID key for the site', async () => {
    const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
    const codes = await Promise.all(
      ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map((d) => issueEnrollCode(hq.db, siteId, d)),
    );
    const answers = await Promise.all(
      codes.map(async (code) => {
        const res = await fetch(`${hq.url}/sync/enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ schemaVersion: DESK_SCHEMA_VERSION, code, desk: null }),
        });
        return { status: res.status, body: (await res.json()) as unknown };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(codes.map(() => 200));
    const enrolled = answers.map((a) => EnrollResponse.parse(a.body));
    expect(new Set(enrolled.map((e) => e.deviceCode)).size).toBe(8);
    expect(new Set(enrolled.map((e) => e.idKey)).size).toBe(1);
  });
});
