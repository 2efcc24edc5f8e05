import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { checkInInput } from '../support/desk.js';
import { consoleClient } from '../support/consoleClient.js';
import { createSite } from '../../hq/src/store/admin.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import { deskDay } from '../../shared/domain/deskTime.js';
import { maskIdNumber, maskPhone } from '../../shared/domain/mask.js';

/** Audit search (issue 21 item 7): a real desk's events synced to a real HQ, searched from the console. */
const suite = hqSuite();

type Paged = { total: number; pageSize: number; rows: Record<string, unknown>[] };

async function signedIn(login: string, role: 'admin' | 'finance' | 'auditor', siteIds: string[] | null = null) {
  await createConsoleUser(suite.hq.db, { login, name: `${login}名`, password: 'Console-2026x', role, siteIds });
  const call = consoleClient(suite.hq);
  expect((await call('session.signIn', { login, password: 'Console-2026x' })).body.ok).toBe(true);
  return call;
}

describe('audit search', () => {
  it('events by site, desk, actor, type and days, paged, payloads masked as the desk masks them; the console audit beside; scoped and role-checked', async () => {
    const desk = await suite.openDesk({ deviceCode: 'A1' });
    const {
      siteId: hy,
      clients: [client],
    } = await enrollDesks(suite.hq, [desk]);
    const { unitId } = await feeDesk(desk);
    const visit = await checkInInput(desk);
    await desk.ok('visits:checkIn', visit);
    await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08']));
    await client.syncNow();
    const held = await suite.hq.db.selectFrom('events').select(['type']).where('site_id', '=', hy).execute();

    const sj = await signedIn('sj', 'auditor');
    const search = async (input: Record<string, unknown>) => {
      const a = await sj('audit.events', { page: 1, ...input });
      if (!a.body.ok) throw new Error(JSON.stringify(a.body.error));
      return a.body.value as Paged;
    };
    const all = await search({});
    expect(all.total).toBe(held.length);
    expect(all.rows.length).toBe(Math.min(held.length, all.pageSize));
    const checkIn = all.rows.find((r) => r.type === 'VisitorCheckedIn')!;
    expect(checkIn).toMatchObject({ siteCode: 'HY', deviceCode: 'A1', status: 'ok' });
    const shown = JSON.stringify(all.rows);
    expect(shown).not.toContain(visit.visitor.phone);
    expect(shown).not.toContain(visit.visitor.idNumber);
    expect(checkIn.payload).toContain(maskPhone(visit.visitor.phone));
    expect(checkIn.payload).toContain(maskIdNumber(visit.visitor.idNumber));

    const byType = await search({ type: 'PaymentReceived' });
    expect(byType.total).toBe(held.filter((e) => e.type === 'PaymentReceived').length);
    expect(byType.rows.every((r) => r.type === 'PaymentReceived')).toBe(true);
    const byActor = await search({ actor: 'A001', type: 'VisitorCheckedIn' });
    expect(byActor.rows).toMatchObject([{ actorStaffNo: 'A001', actorName: '王经理' }]);
    expect((await search({ actor: 'Z999' })).total).toBe(0);
    expect((await search({ device: 'A1', siteId: hy })).total).toBe(held.length);
    expect((await search({ device: 'B9' })).total).toBe(0);
    const day = deskDay(checkIn.recordedAt as string);
    expect((await search({ from: day, to: day, type: 'VisitorCheckedIn' })).total).toBe(1);
    expect((await search({ from: '2020-01-01', to: '2020-01-31' })).total).toBe(0);
    expect((await search({ page: 2 })).rows).toHaveLength(Math.max(0, held.length - all.pageSize));
    const reversed = await sj('audit.events', { page: 1, from: '2026-12-02', to: '2026-12-01' });
    expect(reversed.body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'to', message: 'audit.err.range' }] });
    expect((await sj('audit.events', { page: 1, from: '2026-1-1' })).body.error?.issues).toEqual([
      { path: 'from', message: 'audit.err.day' },
    ]);

    // The console's own audit: sign-ins and refusals, by login and action.
    await consoleClient(suite.hq)('session.signIn', { login: 'sj', password: 'wrong-one-2026' });
    const consoleAudit = (await sj('audit.console', { page: 1, login: 'sj' })).body.value as Paged;
    expect(consoleAudit.rows.map((r) => [r.action, r.login, r.name])).toEqual([
      ['session.signInRefused', 'sj', 'sj名'],
      ['session.signIn', 'sj', 'sj名'],
    ]);
    expect(JSON.stringify(consoleAudit)).not.toContain('wrong-one-2026');
    expect(((await sj('audit.console', { page: 1, action: 'session.signIn' })).body.value as Paged).total).toBe(1);

    // Finance may not search; an auditor of another site sees nothing of this one.
    expect((await (await signedIn('cw', 'finance'))('audit.events', { page: 1 })).body.error?.code).toBe('forbidden');
    const jt = await createSite(suite.hq.db, { code: 'JT', name: '金泰大厦', kind: 'office' });
    const narrow = await signedIn('sj2', 'auditor', [jt]);
    expect(((await narrow('audit.events', { page: 1 })).body.value as Paged).total).toBe(0);
    expect((await narrow('audit.events', { page: 1, siteId: hy })).body.error?.code).toBe('forbidden');
    expect(((await narrow('audit.console', { page: 1 })).body.value as Paged).total).toBe(0);
  });
});
