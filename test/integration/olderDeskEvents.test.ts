import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, rowToEvent } from '../../db/events.js';
import { openDatabase } from '../../db/open.js';
import type { Database } from '../../db/schema.js';
import { eventCatalog, type DomainEvent } from '../../shared/events/catalog.js';
import { judgeEvent } from '../../shared/events/verdict.js';
import { openTestDesk } from '../support/desk.js';
import { busyDay, busyDayInbox } from './busyDay.js';

/**
 * One event of every type as a desk of schema 17 wrote it, recorded from the busy day. Desks that old
 * stay inside HQ's window (shared/sync/version.ts), so this build must still take each of them as it
 * was written: a fact added to a payload later needs a default for these (docs/adding-a-field.md,
 * step 5). Record again only when the window's floor moves past 17:
 * `RECORD_OLDER_DESK_EVENTS=1 npx vitest run test/integration/olderDeskEvents.test.ts`.
 */
const RECORDED = join(import.meta.dirname, 'fixtures', 'events-desk17.json');

async function recordBusyDay(): Promise<void> {
  const desk = await openTestDesk();
  await busyDay(desk);
  await busyDayInbox(desk);
  const rows = desk.backend.database.raw.prepare('SELECT * FROM events ORDER BY seq').all() as Database['events'][];
  const firstOfType = new Map<string, DomainEvent>();
  for (const e of rows.map(rowToEvent)) if (!firstOfType.has(e.type)) firstOfType.set(e.type, e);
  writeFileSync(RECORDED, JSON.stringify([...firstOfType.values()], null, 2) + '\n');
  desk.close();
}

describe('events an older desk wrote, in this build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-older-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Recording runs only when asked; it writes the file the checks below read.
  beforeAll(async () => {
    if (process.env.RECORD_OLDER_DESK_EVENTS) await recordBusyDay();
  }, 120_000);

  let recorded: DomainEvent[] = [];
  beforeAll(() => {
    recorded = JSON.parse(readFileSync(RECORDED, 'utf8')) as DomainEvent[];
  });

  it('hold each of the 59 types the catalog had then, all still in it', () => {
    const types = new Set(recorded.map((e) => e.type));
    expect(types.size).toBe(59);
    for (const t of types) expect(Object.keys(eventCatalog), t).toContain(t);
  });

  it('each passes the catalog as it was written (HQ would store none as rejected, a desk would park none)', () => {
    const refused = recorded.map((e) => ({ type: e.type, verdict: judgeEvent(e) })).filter((j) => j.verdict !== null);
    expect(refused).toEqual([]);
  });

  it('each applies to an empty database of this build, as another desk receives them', async () => {
    const opened = await openDatabase(join(dir, 'replay.sqlite'));
    try {
      for (const e of recorded) await opened.db.transaction().execute((trx) => applyEvent(trx, e));
      const n = (opened.raw.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      expect(n).toBe(recorded.length);
    } finally {
      await opened.close();
    }
  });
});
