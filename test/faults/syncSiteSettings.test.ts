import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { importSampleDirectory, type TestDesk } from '../support/desk.js';

/**
 * The site's rules (deadline rules, classifier, shift patterns, limits) are set once for every desk;
 * language, idle lock, printer and paper stay with the desk. Two managers changing one rule offline,
 * or one person's PIN changed at two desks, end the same on every desk: the later change wins.
 */
const suite = hqSuite();
const desk = (deviceCode: string) => suite.openDesk({ deviceCode });
const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};
const settingsEvents = (d: TestDesk) =>
  d.backend.database.raw
    .prepare("SELECT payload FROM events WHERE type = 'SiteSettingsChanged' AND device_id = (SELECT device_id FROM sync_state)")
    .pluck()
    .all()
    .map((p) => Object.keys(JSON.parse(p as string).changes).sort());

describe('site settings, PINs and move-outs across the desks of a site', () => {
  it("a manager's new rules at one desk reach the other; each desk keeps its own language and printer", async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    const before = await a.ok('settings:get');
    const ticketRules = before.ticketRules.map((r) =>
      r.when === 'extra_urgent' ? { ...r, span: { unit: 'minutes' as const, n: 0 } } : r,
    );
    const classifier = structuredClone(before.classifier);
    classifier[0].categories[0].problems.push({ code: 'heater', zh: '热水器漏水', en: 'Heater leak', callback: 'leak' });
    await a.ok('settings:update', {
      ...before,
      ticketRules,
      classifier,
      mailReturnDays: 20,
      locale: 'en',
      visitorPassPrinter: 'A1 前台打印机',
    });
    // Only the site's rules that changed travel, in one event; saving again unchanged sends nothing.
    expect(settingsEvents(a)).toEqual([['classifier', 'mailReturnDays', 'ticketRules']]);
    await a.ok('settings:update', await a.ok('settings:get'));
    expect(settingsEvents(a)).toHaveLength(1);

    await syncAll(clients);
    const atB = await b.ok('settings:get');
    expect(atB).toMatchObject({ ticketRules, classifier, mailReturnDays: 20 });
    expect(atB).toMatchObject({ locale: 'zh-Hans', visitorPassPrinter: '' });
    expect(await a.ok('settings:get')).toMatchObject({ locale: 'en', visitorPassPrinter: 'A1 前台打印机' });
    // The new problem is offered at intake on the other desk.
    const offered = await b.ok('tickets:classifier', {});
    expect(JSON.stringify(offered)).toContain('热水器漏水');
  });

  it('two managers change one rule offline: every desk ends with the later change, whatever the order', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    const [ca, cb] = clients;
    const set = async (d: TestDesk, mailReturnDays: number) =>
      d.ok('settings:update', { ...(await d.ok('settings:get')), mailReturnDays });

    await set(a, 20);
    b.clock.advance(2);
    await set(b, 30);
    // The later change reaches HQ first; the earlier one arrives after it and must not win.
    await cb.syncNow();
    await ca.syncNow();
    await cb.syncNow();
    expect((await a.ok('settings:get')).mailReturnDays).toBe(30);
    expect((await b.ok('settings:get')).mailReturnDays).toBe(30);

    a.clock.advance(4);
    await set(a, 25);
    await syncAll([ca, cb]);
    expect((await a.ok('settings:get')).mailReturnDays).toBe(25);
    expect((await b.ok('settings:get')).mailReturnDays).toBe(25);
  });

  it("one person's PIN changed at two desks offline: the later PIN opens both desks", async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await a.ok('staff:create', { staffNo: 'R001', name: '小李', role: 'receptionist', pin: '135790' });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await syncAll(clients);
    await a.ok('auth:signIn', { staffNo: 'R001', pin: '135790' }, 'r');
    await b.ok('auth:signIn', { staffNo: 'R001', pin: '135790' }, 'r');

    await a.ok('auth:changePin', { currentPin: '135790', newPin: '193728' }, 'r');
    b.clock.advance(2);
    await b.ok('auth:changePin', { currentPin: '135790', newPin: '284619' }, 'r');
    await clients[1].syncNow();
    await syncAll(clients);
    for (const d of [a, b]) {
      expect((await d.call('auth:signIn', { staffNo: 'R001', pin: '193728' }, 'x')).ok).toBe(false);
      expect((await d.call('auth:signIn', { staffNo: 'R001', pin: '284619' }, 'y')).ok).toBe(true);
    }
  });

  it('a move-out recorded at one desk and taken back later at another ends taken back on both', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await importSampleDirectory(a);
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await syncAll(clients);
    const [li] = await a.ok('directory:search', { q: '李四' });
    await a.ok('directory:moveOut', { occupantId: li.occupantId, movedOutOn: '2026-11-20' });
    await syncAll(clients);
    b.clock.advance(2);
    await b.ok('directory:moveOut', { occupantId: li.occupantId, movedOutOn: null });
    a.clock.advance(1);
    await a.ok('directory:moveOut', { occupantId: li.occupantId, movedOutOn: '2026-11-21' });
    // The later change (b's, by HLC) reaches HQ first; a's earlier one arrives after it and must not win.
    await clients[1].syncNow();
    await syncAll(clients);
    for (const d of [a, b]) expect((await d.ok('directory:search', { q: '李四' }))[0].movedOutOn).toBeNull();
  });

  it('a rule a desk kept only locally (saved before site rules synced) reaches the other desk on the next save', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    // As an older version saved it: in the desk's own table, with no event.
    a.backend.database.raw.prepare("INSERT INTO settings (key, value) VALUES ('mailReturnDays', '20')").run();
    a.backend.services.settingsChanged();
    const current = await a.ok('settings:get');
    expect(current.mailReturnDays).toBe(20);
    await a.ok('settings:update', current);
    expect(settingsEvents(a)).toEqual([['mailReturnDays']]);
    await syncAll(clients);
    expect((await b.ok('settings:get')).mailReturnDays).toBe(20);
    await a.ok('settings:update', await a.ok('settings:get'));
    expect(settingsEvents(a)).toHaveLength(1);
  });
});
