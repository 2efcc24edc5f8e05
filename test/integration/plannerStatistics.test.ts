import { afterEach, describe, expect, it } from 'vitest';
import { dailyRetentionAndBackup } from '../../electron/retention.js';
import { importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';

/** The query planner's statistics are the product's own (issue 18): no ANALYZE from outside. */
describe('planner statistics', () => {
  let desk: TestDesk;
  afterEach(() => desk?.close());

  it("a day's new rows reach sqlite_stat1 through the desk's daily run, and a reopened desk keeps them", async () => {
    desk = await openTestDesk();
    const analysed = () =>
      desk.backend.database.raw.prepare("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'occupants'").pluck().get() as number;
    await importSampleDirectory(desk);
    await dailyRetentionAndBackup(desk.backend.services, desk.backend.database.raw, desk.dataDir);
    expect(analysed()).toBeGreaterThan(0);
    await desk.reopen();
    expect(analysed()).toBeGreaterThan(0);
  });
});
