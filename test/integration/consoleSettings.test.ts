import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { TestClock } from '../support/desk.js';
import { consoleClient } from '../support/consoleClient.js';
import { createSite } from '../../hq/src/store/admin.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import { DEFAULT_LARGE_PAYMENT_FEN } from '../../shared/domain/money.js';
import type { SiteSettingsSaved, SiteSettingsView } from '../../hq/src/console/contract/settings.js';
import type { Conflict } from '../../shared/api/conflictSchemas.js';

/**
 * Site settings at HQ (issue 21 item 3): the HQ admin changes the large-payment limit and a deadline rule
 * in the console; both desks of the site hold them after a sync. A bad value is refused at its field and
 * writes nothing; finance and the auditor read but never write; a site outside the scope is refused; an
 * edit made from a value a desk's manager changed meanwhile is kept, and both show in the conflict inbox.
 */
const clock = new TestClock(Date.now());
const suite = hqSuite({ clock: () => clock.now() });

async function syncAll(clients: { syncNow(): Promise<void> }[]) {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
}

describe('console: site settings', () => {
  it('reaches both desks; bad values, roles and scope write nothing; a racing desk edit is a conflict', async () => {
    const db = suite.hq.db;
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    const b = await suite.openDesk({ deviceCode: 'A2', clock });
    const { siteId: hy, clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    const xb = await createSite(db, { code: 'XB', name: '西部园区', kind: 'office' });
    const users = [
      ['zb', 'admin', [hy]],
      ['cw', 'finance', null],
      ['sj', 'auditor', null],
    ] as const;
    for (const [login, role, siteIds] of users)
      await createConsoleUser(db, { login, name: login, password: `Pass-${login}-2026`, role, siteIds: siteIds && [...siteIds] });
    const signedIn = async (login: string) => {
      const c = consoleClient(suite.hq);
      expect((await c('session.signIn', { login, password: `Pass-${login}-2026` })).body.ok).toBe(true);
      return c;
    };
    const zb = await signedIn('zb');
    const hqEvents = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`SELECT count(*) AS n FROM events WHERE device_id = 'hq' AND type = 'SiteSettingsChanged'`.execute(db)
        ).rows[0].n,
      );
    const audits = () => db.selectFrom('hq_console_audit').select('action').where('action', '=', 'settings.update').execute();

    // What HQ shows before anyone changed anything: the desk's defaults, based on nothing.
    const seen = (await zb('settings.get', { siteId: hy })).body.value as SiteSettingsView;
    expect(seen.values.largePaymentLimitFen).toBe(DEFAULT_LARGE_PAYMENT_FEN);
    expect(seen.values).toEqual(await a.ok('settings:get', {}).then((s) => pickSite(s, seen.values)));
    expect(seen.basedOn.largePaymentLimitFen).toBeNull();

    // Bad values: each at its field, by the desk's own rules; nothing written.
    const badAt = async (input: Record<string, unknown>) => {
      const r = await zb('settings.update', { siteId: hy, basedOn: seen.basedOn, ...input });
      expect(r.body.ok).toBe(false);
      return r.body.error!.issues!.map((i) => `${i.path}:${i.message}`);
    };
    expect(await badAt({ largePaymentLimitFen: -100 })).toEqual(['largePaymentLimitFen:err.range']);
    const badRules = structuredClone(seen.values.ticketRules);
    badRules[0].span.n = -1;
    expect(await badAt({ ticketRules: badRules })).toEqual(['ticketRules.0.span.n:err.range']);
    expect(await badAt({ visitRetentionDays: 0 })).toEqual(['visitRetentionDays:err.retentionDays']);
    // Only the site's rules: a desk's own setting (its print language) is not HQ's to set.
    expect((await zb('settings.update', { siteId: hy, basedOn: {}, locale: 'en' })).body.error?.code).toBe('invalid_input');
    // A change without the basis it was made from is refused, not guessed.
    expect(await badAt({ basedOn: {}, mailReturnDays: 20 })).toEqual(['basedOn.mailReturnDays:settings.err.noBasis']);
    expect(await hqEvents()).toBe(0);
    expect(await audits()).toEqual([]);

    // Finance and the auditor read, never write; a site outside the admin's scope is refused.
    for (const login of ['cw', 'sj']) {
      const c = await signedIn(login);
      expect((await c('settings.get', { siteId: hy })).body.ok).toBe(true);
      const r = await c('settings.update', { siteId: hy, basedOn: seen.basedOn, largePaymentLimitFen: 800_000 });
      expect(r.body.error?.code).toBe('forbidden');
    }
    expect((await zb('settings.get', { siteId: xb })).body.error?.code).toBe('forbidden');
    expect(
      (await zb('settings.update', { siteId: xb, basedOn: { largePaymentLimitFen: null }, largePaymentLimitFen: 1 })).body.error
        ?.code,
    ).toBe('forbidden');
    expect(await hqEvents()).toBe(0);

    // The admin raises the large-payment limit to ¥8,000 and gives minor complaints 3 days.
    const rules = structuredClone(seen.values.ticketRules);
    const minor = rules.findIndex((r) => r.kind === 'complaint' && r.when === 'minor' && r.type === 'resolve');
    rules[minor].span = { unit: 'days', n: 3 };
    const saved = (
      await zb('settings.update', {
        siteId: hy,
        basedOn: seen.basedOn,
        largePaymentLimitFen: 800_000,
        ticketRules: rules,
        // Unchanged: not part of the change.
        mailReturnDays: seen.values.mailReturnDays,
      })
    ).body.value as SiteSettingsSaved;
    expect(saved.changed).toEqual(['largePaymentLimitFen', 'ticketRules']);
    expect(saved.raced).toEqual([]);
    expect(saved.values.largePaymentLimitFen).toBe(800_000);
    expect(saved.basedOn.largePaymentLimitFen).toEqual(expect.any(String));
    expect(await hqEvents()).toBe(1);
    expect(await audits()).toHaveLength(1);
    const stored = await db
      .selectFrom('events')
      .select(['device_id', 'actor'])
      .where('type', '=', 'SiteSettingsChanged')
      .execute();
    expect(stored).toEqual([{ device_id: 'hq', actor: 'hq' }]);

    await syncAll(clients);
    for (const desk of [a, b]) {
      const s = await desk.ok('settings:get', {});
      expect(s.largePaymentLimitFen).toBe(800_000);
      expect(s.ticketRules[minor].span).toEqual({ unit: 'days', n: 3 });
    }

    // A desk's manager changes the mail return days while the admin's page still shows the old value.
    const stale = (await zb('settings.get', { siteId: hy })).body.value as SiteSettingsView;
    await a.ok('settings:update', { mailReturnDays: 14 });
    await syncAll(clients);
    const raced = (await zb('settings.update', { siteId: hy, basedOn: stale.basedOn, mailReturnDays: 21 })).body
      .value as SiteSettingsSaved;
    expect(raced).toMatchObject({ changed: ['mailReturnDays'], raced: ['mailReturnDays'] });
    expect(raced.values.mailReturnDays).toBe(21);
    await syncAll(clients);
    for (const desk of [a, b]) expect((await desk.ok('settings:get', {})).mailReturnDays).toBe(21);
    const conflicts = (await zb('devices.conflicts', { siteId: hy })).body.value as Conflict[];
    const c = conflicts.find((x) => x.kind === 'setting_overwritten' && x.subject === 'mailReturnDays');
    expect(c?.sides.map((s) => [s.deskCode, s.what, s.won])).toEqual([
      ['HQ', '21', true],
      ['A1', '14', false],
    ]);
    // The desks list the same conflict.
    expect((await b.ok('conflicts:list', {})).map((x) => x.id)).toContain(c!.id);

    // Both at once: desk B's manager changes the default visit length before its sync, the admin changes it
    // from the same value. HQ cannot know yet (nothing raced); once B syncs, the later change is in force
    // everywhere and both are in the inbox.
    const before = (await zb('settings.get', { siteId: hy })).body.value as SiteSettingsView;
    await b.ok('settings:update', { defaultVisitMinutes: 90 });
    clock.ms += 1000;
    const both = (await zb('settings.update', { siteId: hy, basedOn: before.basedOn, defaultVisitMinutes: 240 })).body
      .value as SiteSettingsSaved;
    expect(both).toMatchObject({ changed: ['defaultVisitMinutes'], raced: [] });
    await syncAll(clients);
    const atHq = ((await zb('settings.get', { siteId: hy })).body.value as SiteSettingsView).values.defaultVisitMinutes;
    expect(atHq).toBe(240);
    for (const desk of [a, b]) expect((await desk.ok('settings:get', {})).defaultVisitMinutes).toBe(atHq);
    const inbox = (await zb('devices.conflicts', { siteId: hy })).body.value as Conflict[];
    const visit = inbox.find((x) => x.kind === 'setting_overwritten' && x.subject === 'defaultVisitMinutes');
    expect(visit?.sides.map((s) => [s.deskCode, s.what, s.won])).toEqual([
      ['HQ', '240', true],
      ['A2', '90', false],
    ]);
    expect((await a.ok('conflicts:list', {})).map((x) => x.id)).toContain(visit!.id);
  }, 120_000);
});

function pickSite<T extends object>(all: Record<string, unknown>, like: T): T {
  return Object.fromEntries(Object.keys(like).map((k) => [k, all[k]])) as T;
}
