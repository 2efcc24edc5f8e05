import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { eventCatalog } from '../../shared/events/catalog.js';
import type { CatalogLike } from '../../shared/events/verdict.js';
import { newRequestId, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { importPassDirectory, passInput } from '../support/releasePass.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';

/** A build that knew release passes and post-log entries only at v0: it parks the current ones. */
const olderBuild: CatalogLike = {
  ...eventCatalog,
  ReleasePassIssued: { ...eventCatalog.ReleasePassIssued, v: 0 },
  LogEntryAdded: { ...eventCatalog.LogEntryAdded, v: 0 },
};

const suite = hqSuite();
const desk = (deviceCode: string) => suite.openDesk({ deviceCode });
const all = (n: number[]) => n.map((released) => ({ released }));
/** Valid from now on, so the gate may release it at once. */
const validNow = async (d: TestDesk) =>
  passInput(d, { validFrom: dayjs(d.clock.now()).format(), validUntil: dayjs(d.clock.now()).add(8, 'hour').format() });
const rows = (d: TestDesk, q: string, ...args: unknown[]) => d.backend.database.raw.prepare(q).all(...args);

describe('closings pulled while their opening was parked', () => {
  it('a release, a cancel and a resolved log item count once the desk can apply the pass and the entry', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await importPassDirectory(b);
    const [, cb] = (await enrollDesks(suite.hq, [a, b])).clients;
    const older = syncClientFor(a, { catalog: olderBuild });
    await cb.syncNow();
    await older.syncNow();

    const { pass: used } = await b.ok('passes:issue', await validNow(b));
    const { pass: dropped } = await b.ok('passes:issue', await validNow(b));
    await b.ok('passes:release', { passId: used.id, items: all([1, 1, 12]) });
    await b.ok('passes:cancel', { passId: dropped.id, reason: '业主改期' });
    const entry = await b.ok('log:add', { entryId: newRequestId(), category: 'pending', text: '三号梯维修' });
    await b.ok('log:resolve', { entryId: entry.id, resolution: '已修好' });
    await cb.syncNow();
    await older.syncNow();
    // The older build parked the openings; their closings were pulled and found nothing to close.
    expect(a.count('release_passes')).toBe(0);
    expect(a.count('log_entries')).toBe(0);
    expect((await a.ok('sync:status', undefined)).parked.map((p) => p.type)).toEqual(['ReleasePassIssued', 'LogEntryAdded']);

    // Updated (this build opens the same database): openings applied, and the closings with them.
    await syncClientFor(a).syncNow();
    const passes = (d: TestDesk) =>
      rows(d, 'SELECT id, status, closed_at, close_event_id, cancel_reason FROM release_passes ORDER BY pass_no');
    expect(passes(a)).toEqual(passes(b));
    expect(passes(a).map((p) => (p as { status: string }).status)).toEqual(['released', 'cancelled']);
    // The gate's release closed the pass: no conflict, at either desk.
    const gate = (d: TestDesk) => rows(d, 'SELECT id, outcome, conflict FROM release_gate_checks WHERE pass_id = ?', used.id);
    expect(gate(a)).toEqual([expect.objectContaining({ outcome: 'released', conflict: 0 })]);
    expect(gate(a)).toEqual(gate(b));
    const log = (d: TestDesk) => rows(d, 'SELECT id, resolution, resolved_at FROM log_entries');
    expect(log(a)).toEqual([expect.objectContaining({ resolution: '已修好' })]);
    expect(log(a)).toEqual(log(b));
    expect((await a.ok('sync:status', undefined)).parked).toEqual([]);
  });
});
