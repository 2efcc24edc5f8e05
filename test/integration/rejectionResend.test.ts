import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../hq/src/cli.js';
import { SyncFailure } from '../../electron/sync/client.js';
import { fileSecretStore } from '../../electron/sync/secret.js';
import { DESK_SCHEMA_VERSION } from '../../shared/sync/version.js';
import { checkInInput, importSampleDirectory, TestClock, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { addStaff } from './helpers.js';

// HQ judges HLCs against its clock: give it the desks' clock, so "10 minutes ahead" means what it says.
let hqNow = () => new Date();
const suite = hqSuite({ clock: () => hqNow() });
const cli = (...args: string[]) => runCli(suite.hq.db, args, () => {});
const rejections = (d: TestDesk) => d.ok('conflicts:rejections', undefined);
const hqStatus = async (eventId: string) =>
  (
    await sql<{ status: string; site_version: string }>`SELECT status, site_version FROM events WHERE id = ${eventId}`.execute(
      suite.hq.db,
    )
  ).rows[0];
const visitAt = (d: TestDesk, id: string) => d.backend.database.raw.prepare('SELECT status FROM visits WHERE id = ?').get(id);

/**
 * Two desks; HQ disables the receptionist 李娜 by mistake while desk A1 has not pulled it yet, so her
 * check-in at A1 is refused `actor_disabled`. Returns the desks and the refused check-in's event id.
 */
async function refusedCheckIn() {
  // HQ stamps its own staff changes (disable, enable) on the real clock: the desks work on it too.
  const clock = new TestClock(Date.now());
  const a = await suite.openDesk({ deviceCode: 'A1', clock });
  const b = await suite.openDesk({ deviceCode: 'A2', clock });
  hqNow = clock.now;
  await importSampleDirectory(a);
  const nurse = await addStaff(a, 'receptionist', 'R002', '135790', '李娜');
  await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
  await a.backend.services.sync.syncNow();
  await b.backend.services.sync.syncNow();
  await cli('disable-staff', 'HY', 'R002');
  clock.advance(1);
  const { visit } = await a.ok('visits:checkIn', await checkInInput(a), nurse.session);
  await a.backend.services.sync.syncNow();
  await b.backend.services.sync.syncNow();
  const line = (await rejections(a)).find((r) => r.type === 'VisitorCheckedIn')!;
  return { a, b, visit, eventId: line.eventId };
}

describe('re-send after a fix', () => {
  it('a check-in HQ refused for a colleague it had disabled by mistake is accepted once HQ enables her, and reaches the other desk', async () => {
    const { a, b, visit, eventId } = await refusedCheckIn();
    // The check-in and the visitor pass it queued for printing, both hers.
    expect(await rejections(a)).toEqual([
      expect.objectContaining({ type: 'PrintJobQueued', reason: 'actor_disabled', resendable: true }),
      expect.objectContaining({ type: 'VisitorCheckedIn', reason: 'actor_disabled', resendable: true }),
    ]);
    expect(visitAt(b, visit.id)).toBeUndefined();
    const refusedAt = Number((await hqStatus(eventId)).site_version);

    // Not fixed yet: HQ judges it again and refuses it again; the line stays.
    expect(await a.ok('conflicts:resendRejection', { eventId })).toEqual({ outcome: 'rejected', reason: 'actor_disabled' });
    expect((await rejections(a)).map((r) => r.reason)).toEqual(['actor_disabled', 'actor_disabled']);

    await cli('enable-staff', 'HY', 'R002');
    expect(await a.ok('conflicts:resendRejection', { eventId })).toEqual({ outcome: 'accepted', reason: null });
    const [print] = await rejections(a);
    expect(print.type).toBe('PrintJobQueued');
    expect(await a.ok('conflicts:resendRejection', { eventId: print.eventId })).toMatchObject({ outcome: 'accepted' });
    expect(await rejections(a)).toEqual([]);
    // Accepted with the site's next version: desk A2, whose cursor passed its first place, gets it.
    const accepted = await hqStatus(eventId);
    expect(accepted.status).toBe('ok');
    expect(Number(accepted.site_version)).toBeGreaterThan(refusedAt);
    await b.backend.services.sync.syncNow();
    expect(visitAt(b, visit.id)).toEqual({ status: 'on_site' });
    // Once accepted, there is nothing left to re-send.
    expect((await a.call('conflicts:resendRejection', { eventId })).ok).toBe(false);
  });

  it("a re-send whose answer was lost: the next round's handshake says HQ holds the event, and the line leaves the list", async () => {
    const { a, eventId } = await refusedCheckIn();
    await cli('enable-staff', 'HY', 'R002');
    // The desk's request reaches HQ, its answer does not (played by asking HQ directly with the desk's credential).
    const st = a.backend.database.raw.prepare('SELECT device_id FROM sync_state').get() as { device_id: string };
    const res = await fetch(`${suite.hq.url}/sync/resend`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-device-id': st.device_id,
        authorization: `Bearer ${fileSecretStore(a.dataDir).get()}`,
      },
      body: JSON.stringify({ schemaVersion: DESK_SCHEMA_VERSION, eventId }),
    });
    const body: unknown = await res.json();
    expect(body).toMatchObject({ outcome: 'accepted' });
    expect((await rejections(a)).map((r) => r.type)).toEqual(['PrintJobQueued', 'VisitorCheckedIn']);
    await a.backend.services.sync.syncNow();
    expect((await rejections(a)).map((r) => r.type)).toEqual(['PrintJobQueued']);
  });

  it('kinds a re-send cannot fix are refused with a clear message, at the desk and at HQ, and nothing changes', async () => {
    const { a, eventId } = await refusedCheckIn();
    // As HQ would have stored a receipt number used twice: judged again it would be refused the same way.
    await sql`UPDATE events SET reject_reason = 'duplicate_receipt_no' WHERE id = ${eventId}`.execute(suite.hq.db);
    const hqRefusal = await a.backend.services.sync.resend(eventId).catch((e: unknown) => e);
    expect(hqRefusal).toBeInstanceOf(SyncFailure);
    expect(hqRefusal).toMatchObject({ code: 'not_resendable', status: 409 });
    expect((await hqStatus(eventId)).status).toBe('rejected');

    a.backend.database.raw.prepare("UPDATE sync_rejections SET reason = 'duplicate_receipt_no' WHERE event_id = ?").run(eventId);
    expect((await rejections(a)).find((x) => x.eventId === eventId)?.resendable).toBe(false);
    const r = await a.call('conflicts:resendRejection', { eventId });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'err.inbox.notResendable' } });
    expect((await rejections(a)).find((x) => x.eventId === eventId)?.reason).toBe('duplicate_receipt_no');
  });

  it("a desk cannot have another desk's rejected event judged again", async () => {
    const { b, eventId } = await refusedCheckIn();
    await cli('enable-staff', 'HY', 'R002');
    const other = await b.backend.services.sync.resend(eventId).catch((e: unknown) => e);
    expect(other).toMatchObject({ code: 'not_resendable' });
    expect((await hqStatus(eventId)).status).toBe('rejected');
  });
});
