import { readFileSync, mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRetention, dailyRetentionAndBackup } from '../../electron/retention.js';
import { importSampleDirectory, newRequestId, openTestDesk, TestClock, type TestDesk } from '../support/desk.js';
import { checkInVisitor, daysLater, fileHolds, personalData, PNG_2x1, VISITOR } from '../support/retention.js';
import { mailInput, pickupInput } from '../support/mail.js';

const DAY = 24 * 60;

describe('retention, then anonymisation (个人信息保护)', () => {
  let desk: TestDesk;
  afterEach(() => desk?.close());

  it('drops log photos after 90 days, visitors after 180 and signatures after 365; the visit still counts', async () => {
    desk = await openTestDesk({ clock: new TestClock(Date.parse('2026-01-05T10:00:00+08:00')) });
    await importSampleDirectory(desk);
    const visit = await checkInVisitor(desk);
    const entry = await desk.ok('log:add', {
      entryId: newRequestId(),
      category: 'incident',
      text: '大堂地面破损',
      attachment: { fileName: 'floor.png', contentBase64: PNG_2x1 },
    });
    const item = await desk.ok('mail:receive', await mailInput(desk));
    await desk.ok('mail:pickUp', pickupInput(item.item.id));
    const rawDb = desk.backend.database.raw;
    const signatures = () => rawDb.prepare('SELECT COUNT(*) FROM mail_closings WHERE signature_sha256 IS NOT NULL').pluck().get();
    desk.backend.database.raw.pragma('wal_checkpoint(TRUNCATE)');
    // The grep can fail: before the pass the file holds every one of them.
    for (const text of personalData()) expect(fileHolds(desk, text)).toBe(true);

    await daysLater(desk, 91);
    expect(await applyRetention(desk.backend.services, rawDb)).toBe(true);
    expect(await applyRetention(desk.backend.services, rawDb)).toBe(false);
    expect((await desk.call('log:attachment', { id: entry.attachment!.id })).ok).toBe(false);
    expect(desk.count('log_attachments')).toBe(0);
    expect((await desk.ok('visits:recall', { phone: VISITOR.phone }))?.name).toBe(VISITOR.name);
    expect(signatures()).toBe(1);

    await daysLater(desk, 90);
    expect(await applyRetention(desk.backend.services, rawDb)).toBe(true);
    expect(await desk.ok('visits:recall', { phone: VISITOR.phone })).toBeNull();
    const [kept] = await desk.ok('visits:search', { from: '2026-01-05', to: '2026-01-05' });
    expect(kept).toMatchObject({ id: visit.id, partySize: 3, hostName: visit.hostName, hostUnitCode: visit.hostUnitCode });
    expect(kept).toMatchObject({ visitorName: '', visitorPhoneMasked: '', idNumberMasked: '', plate: '' });
    // The handover sheet the shift left still lists the visit, without the visitor's name.
    const sheet = rawDb.prepare('SELECT sections FROM shifts WHERE closed_at IS NOT NULL').pluck().get() as string;
    expect(sheet).toContain('"text":"×3 → 1-2-301');
    for (const text of personalData()) expect(fileHolds(desk, text)).toBe(false);
    expect(signatures()).toBe(1);

    await daysLater(desk, 185);
    expect(await applyRetention(desk.backend.services, rawDb)).toBe(true);
    expect(signatures()).toBe(0);
    expect(desk.count('attachments')).toBe(0);
    // Nothing in this desk's event log refers to a picture any more, nor names the visitor.
    const events = rawDb.prepare("SELECT payload FROM events WHERE type IN ('MailPickedUp', 'LogEntryAdded')").pluck().all();
    expect(events.join('')).not.toContain('sha256');
  });

  it('the daily run keeps no backup older than the shortest retention, and takes the backup after the pass', async () => {
    desk = await openTestDesk({ clock: new TestClock(Date.parse('2026-01-05T10:00:00+08:00')) });
    await importSampleDirectory(desk);
    await checkInVisitor(desk);
    const settings = await desk.ok('settings:get');
    await desk.ok('settings:update', { ...settings, visitRetentionDays: 10 });
    const dir = join(desk.dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    // Backups a desk switched off for months still has: older than any retention.
    for (const day of ['20250301', '20250302']) writeFileSync(join(dir, `lobbydesk-${day}.sqlite`), 'old');
    const run = () => dailyRetentionAndBackup(desk.backend.services, desk.backend.database.raw, desk.dataDir);
    await run();
    expect(readdirSync(dir)).toEqual(['lobbydesk-20260105.sqlite']);

    for (let day = 1; day <= 11; day++) {
      desk.clock.advance(DAY);
      await run();
    }
    const files = readdirSync(dir).sort();
    expect(files[0]).toBe('lobbydesk-20260106.sqlite');
    expect(files).toHaveLength(11);
    // The day the visit was anonymised, the backup taken by the same run already lacks it.
    const latest = readFileSync(join(dir, files.at(-1)!));
    for (const text of personalData()) expect(latest.includes(Buffer.from(text, 'utf8'))).toBe(false);
    const first = readFileSync(join(dir, files[0]));
    expect(first.includes(Buffer.from(VISITOR.name, 'utf8'))).toBe(true);
  });

  it('refuses a retention outside 1–1095 days at the field and keeps the old value', async () => {
    desk = await openTestDesk();
    const settings = await desk.ok('settings:get');
    for (const bad of [0, 1096, 1.5, null]) {
      const r = await desk.call('settings:update', { ...settings, signatureRetentionDays: bad as number });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.issues).toEqual([{ path: 'signatureRetentionDays', message: 'err.retentionDays' }]);
    }
    expect(await desk.ok('settings:get')).toMatchObject({
      visitRetentionDays: 180,
      signatureRetentionDays: 365,
      logPhotoRetentionDays: 90,
    });
  });
});
