import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDaily, BACKUPS_KEPT } from '../../electron/backup.js';
import { checkInInput, importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';

describe('daily backup', () => {
  let desk: TestDesk;
  afterEach(() => desk?.close());

  it('copies the live database once a day, readable and complete, and keeps the newest 14', async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
    const visit = await desk.ok('visits:checkIn', await checkInInput(desk));

    const first = await backupDaily(desk.backend.database.raw, desk.dataDir, desk.clock.now());
    expect(first).not.toBeNull();
    expect(await backupDaily(desk.backend.database.raw, desk.dataDir, desk.clock.now())).toBeNull();

    const copy = new BetterSqlite3(first!, { readonly: true });
    const row = copy.prepare('SELECT pass_no FROM visits WHERE id = ?').get(visit.visit.id) as { pass_no: string };
    expect(row.pass_no).toBe(visit.visit.passNo);
    copy.close();

    for (let day = 1; day <= BACKUPS_KEPT + 2; day++) {
      desk.clock.advance(24 * 60);
      await backupDaily(desk.backend.database.raw, desk.dataDir, desk.clock.now());
    }
    const files = readdirSync(join(desk.dataDir, 'backups')).sort();
    expect(files).toHaveLength(BACKUPS_KEPT);
    expect(existsSync(first!)).toBe(false);
    expect(files.some((f) => f.endsWith('.partial'))).toBe(false);
  });
});
