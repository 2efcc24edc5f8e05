import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { applyEvent, rowToEvent } from '../../db/events.js';
import { openDatabase, type OpenedDatabase } from '../../db/open.js';
import type { Database } from '../../db/schema.js';
import { decodeHlc, encodeHlc } from '../../shared/domain/hlc.js';
import type { DomainEvent } from '../../shared/events/catalog.js';
import { openTestDesk } from '../support/desk.js';
import { importPassDirectory } from '../support/releasePass.js';
import { mailInput, pickupInput } from '../support/mail.js';

/**
 * Two desks hand over the same item while offline; sync later delivers both pickups everywhere, in
 * either order. Every database must end the same: the earlier pickup by HLC is the hand-over, the
 * later one is kept and flagged.
 */
describe('a pickup pulled later from another desk', () => {
  const opened: { dir: string; db: OpenedDatabase }[] = [];
  afterAll(async () => {
    for (const { dir, db } of opened) {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const replay = async (events: DomainEvent[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-mail-'));
    const db = await openDatabase(join(dir, 'replay.sqlite'));
    opened.push({ dir, db });
    for (const e of events) await db.db.transaction().execute((trx) => applyEvent(trx, e));
    return {
      item: db.raw.prepare('SELECT status, closed_at, closing_event_id FROM mail_items').all(),
      closings: db.raw.prepare('SELECT id, signer_name, conflict FROM mail_closings ORDER BY id').all(),
    };
  };

  it('converges whatever the order: the earlier by HLC wins, the later is kept and flagged', async () => {
    const desk = await openTestDesk();
    try {
      await importPassDirectory(desk);
      const { item } = await desk.ok('mail:receive', await mailInput(desk));
      desk.clock.advance(5);
      await desk.ok('mail:pickUp', pickupInput(item.id, { signerName: '张三' }));
      const events = (desk.backend.database.raw.prepare('SELECT * FROM events ORDER BY seq').all() as Database['events'][]).map(
        rowToEvent,
      );
      const local = events.find((e) => e.type === 'MailPickedUp')!;
      // Desk B2 handed the same item to 李四 two minutes earlier (its clock), written while offline.
      const h = decodeHlc(local.hlc);
      const remote = {
        ...local,
        id: uuidv7(),
        deviceId: 'device-b2',
        deviceSeq: 1,
        hlc: encodeHlc({ wallMs: h.wallMs - 120_000, counter: 0, node: 'device-b2' }),
        payload: { ...(local.payload as object), signerName: '李四' },
      } as DomainEvent;
      const others = events.filter((e) => e !== local);
      const first = await replay([...others, local, remote]);
      const second = await replay([...others, remote, local]);
      const remoteFirst = await replay([remote, ...others, local]);
      expect(first).toEqual(second);
      expect(remoteFirst).toEqual(first);
      expect(first.item).toEqual([{ status: 'picked_up', closed_at: expect.any(String), closing_event_id: remote.id }]);
      const flagged = Object.fromEntries(
        (first.closings as { signer_name: string; conflict: number }[]).map((c) => [c.signer_name, c.conflict]),
      );
      expect(flagged).toEqual({ 李四: 0, 张三: 1 });
    } finally {
      await desk.close();
    }
  });
});
