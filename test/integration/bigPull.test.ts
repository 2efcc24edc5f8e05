import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowToEvent } from '../../db/events.js';
import { getSiteIdentity } from '../../db/meta.js';
import type { Database } from '../../db/schema.js';
import { PULL_PAGE_EVENTS } from '../../electron/sync/slices.js';
import { applyPage, syncState } from '../../electron/sync/state.js';
import { LOCAL_ONLY_EVENTS, type WireEvent } from '../../shared/sync/protocol.js';
import { fillOutbox } from '../bench/sync.js';
import { checkInInput, importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { issueEnrollCode } from '../../hq/src/store/admin.js';
import { startTestHq, type TestHq } from '../support/hq.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';

/** Within one pull page: a page used to be applied in one transaction, freezing the desk until its end. */
const BACKLOG = PULL_PAGE_EVENTS - 50;

describe('a big pull arriving at a desk', () => {
  let hq: TestHq;
  let source: TestDesk;
  let sourceDevice: string;
  let siteId: string;
  const receivers: TestDesk[] = [];

  beforeAll(async () => {
    hq = await startTestHq();
    source = await openTestDesk({ deviceCode: 'A1', openShift: false });
    const { siteId: id, clients } = await enrollDesks(hq, [source]);
    const site = (await getSiteIdentity(source.backend.services.db))!;
    sourceDevice = site.deviceId;
    // A colleague's week offline: BACKLOG check-ins waiting in its outbox, then drained to HQ.
    fillOutbox(source, BACKLOG, site.siteId, site.deviceId, 'A1');
    await clients[0].pushAll();
    expect(sourceCheckIns()).toBeGreaterThan(BACKLOG - 5);
    expect((await clients[0].status()).waiting).toBe(0);
    siteId = id;
  }, 120_000);
  afterAll(async () => {
    for (const d of [source, ...receivers]) await d.close();
    await hq.close();
  });

  /** A receiving desk of the same site, set up and with a directory, not yet synced. */
  async function receiver(code: string) {
    const desk = await openTestDesk({ deviceCode: code, clock: source.clock });
    receivers.push(desk);
    await importSampleDirectory(desk);
    const client = syncClientFor(desk);
    await client.enroll(hq.url, await issueEnrollCode(hq.db, siteId, code));
    return { desk, client };
  }

  /** The source's events another desk receives (those describing one desk only stay there), in order. */
  const sourceEvents = () =>
    (
      source.backend.database.raw
        .prepare('SELECT * FROM events WHERE device_id = ? ORDER BY device_seq')
        .all(sourceDevice) as Database['events'][]
    )
      .map((r) => rowToEvent(r) as unknown as WireEvent)
      .filter((e) => !LOCAL_ONLY_EVENTS.has(e.type));
  const fromSource = (desk: TestDesk) =>
    (desk.backend.database.raw.prepare('SELECT COUNT(*) AS n FROM events WHERE device_id = ?').get(sourceDevice) as { n: number })
      .n;
  /** The check-ins the source wrote (by pass number: the fixture's random pass numbers may, rarely, repeat). */
  const sourceCheckIns = () =>
    (
      source.backend.database.raw
        .prepare(
          "SELECT COUNT(DISTINCT json_extract(payload, '$.passNo')) AS n FROM events WHERE device_id = ? AND type = 'VisitorCheckedIn'",
        )
        .get(sourceDevice) as { n: number }
    ).n;
  const sourceVisitsAt = (desk: TestDesk) =>
    (desk.backend.database.raw.prepare("SELECT COUNT(*) AS n FROM visits WHERE pass_no LIKE 'HY-A1-%'").get() as { n: number }).n;

  it('takes a check-in while the page is still being applied; afterwards every pulled event is in, once', async () => {
    const { desk, client } = await receiver('B2');
    const total = sourceEvents().length;
    let pullDone = false;
    const pulling = client.pullAll().finally(() => (pullDone = true));
    // Some of the page is in and some is not: the pull is under way.
    for (let n = 0; n === 0;) {
      await new Promise((r) => setImmediate(r));
      n = fromSource(desk);
      expect(pullDone).toBe(false);
    }
    const input = await checkInInput(desk);
    const { visit } = await desk.ok('visits:checkIn', input);
    // The check-in is done while the same page is still arriving: it did not wait for the whole pull.
    expect(pullDone).toBe(false);
    expect(fromSource(desk)).toBeLessThan(total);

    expect(await pulling).toBe(total);
    expect(fromSource(desk)).toBe(total);
    expect(sourceVisitsAt(desk)).toBe(sourceCheckIns());
    expect((await desk.ok('visits:onSite')).some((v) => v.id === visit.id)).toBe(true);
    // Nothing is left to apply, and pulling again applies nothing twice.
    expect(await client.pullAll()).toBe(0);
    expect(fromSource(desk)).toBe(total);
  }, 120_000);

  it('a pull cut off between slices leaves the cursor at the page start; the next pull applies the rest, none twice', async () => {
    const { desk, client } = await receiver('C3');
    const page = sourceEvents();
    let slices = 0;
    const crash = applyPage(desk.backend.services.db, page, 999_999, {
      slices: {
        maxEvents: 150,
        budgetMs: Infinity,
        yieldToDesk: async () => {
          if (++slices === 2) throw new Error('desk closed mid-page');
        },
      },
    });
    await expect(crash).rejects.toThrow('desk closed mid-page');
    // Two slices committed; the cursor did not move past what is in.
    expect(fromSource(desk)).toBe(300);
    expect((await syncState(desk.backend.services.db)).cursor).toBe(0);

    expect(await client.pullAll()).toBe(page.length - 300);
    expect(fromSource(desk)).toBe(page.length);
    expect(sourceVisitsAt(desk)).toBe(sourceCheckIns());
    expect((await syncState(desk.backend.services.db)).cursor).toBeGreaterThan(0);
  }, 120_000);
});
