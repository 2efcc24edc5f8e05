import type { Kysely } from 'kysely';
import { getSiteIdentity } from '../../db/meta.js';
import type { Database } from '../../db/schema.js';
import { AttachmentsHeldResponse, HandshakeResponse, type DeskHealth } from '../../shared/sync/protocol.js';
import { dropSettled, rejectedToAsk } from './resend.js';

type Db = Kysely<Database>;
/** The client's authenticated request to HQ (SyncClient.request). */
export type HqRequest = <T>(path: string, body: unknown, parse: (x: unknown) => T) => Promise<T>;

/** Hashes per question: 64 characters each, so a request stays near 70 KB. */
const HELD_BATCH = 1000;

const failureOf = (e: unknown) => e as { code?: string; status?: number };
/** An HQ from before the handshake answers 404: the round goes on as it did then. */
const olderHq = (e: unknown) => failureOf(e).status === 404;

/**
 * Opens every round: HQ says how much of this desk's log it holds, and the desk takes that as its
 * acknowledged seq — forward or back — so the push that follows re-sends exactly what HQ lacks, even
 * when the outbox looked empty (an HQ restored from backup, an idle desk), and "waiting" counts what
 * HQ does not hold. An HQ that has no record of this desk holds none of its events (acked 0) and says
 * so (`unknown_device`, shown on the sync page until HQ's admin readmits it). Then the pictures: each
 * one this desk sent is asked about again, and those HQ does not hold are uploaded again this round.
 * The rejections this desk lists are asked about too: those HQ has applied since leave the list.
 */
export async function handshakeWithHq(
  db: Db,
  request: HqRequest,
  schemaVersion: number,
  appVersion?: string,
  health?: DeskHealth,
): Promise<void> {
  const site = await getSiteIdentity(db);
  const rejected = await rejectedToAsk(db);
  let res: HandshakeResponse;
  try {
    res = await request(
      '/sync/handshake',
      {
        schemaVersion,
        ...(site ? { desk: { siteId: site.siteId, deviceCode: site.deviceCode } } : {}),
        ...(rejected.length ? { rejected } : {}),
        ...(appVersion ? { appVersion } : {}),
        ...(health ? { health } : {}),
      },
      (x) => HandshakeResponse.parse(x),
    );
  } catch (e) {
    if (olderHq(e)) return;
    if (failureOf(e).code === 'unknown_device') await setAcked(db, 0);
    throw e;
  }
  await setAcked(db, res.ackedSeq);
  await dropSettled(db, res.settled);
  await reconcileAttachments(db, request, schemaVersion);
}

const setAcked = (db: Db, ackedSeq: number) =>
  db.updateTable('sync_state').set({ acked_seq: ackedSeq }).where('id', '=', 1).execute();

/** Pictures this desk believes HQ has: uploaded once, and not refused by HQ for their content. */
async function uploadedHashes(db: Db): Promise<string[]> {
  const refused = db
    .selectFrom('sync_rejections')
    .select((eb) => eb.fn<string>('substr', [eb.ref('event_id'), eb.val(12)]).as('sha256'))
    .where('event_id', 'like', 'attachment:%');
  const rows = await db
    .selectFrom('attachments')
    .select('sha256')
    .where('uploaded_at', 'is not', null)
    .union(db.selectFrom('log_attachments').select('sha256').where('uploaded_at', 'is not', null))
    .except(refused)
    .execute();
  return rows.map((r) => r.sha256);
}

async function reconcileAttachments(db: Db, request: HqRequest, schemaVersion: number): Promise<void> {
  const hashes = await uploadedHashes(db);
  for (let i = 0; i < hashes.length; i += HELD_BATCH) {
    const asked = hashes.slice(i, i + HELD_BATCH);
    let held: Set<string>;
    try {
      held = new Set(
        (await request('/sync/attachments/held', { schemaVersion, sha256: asked }, (x) => AttachmentsHeldResponse.parse(x))).held,
      );
    } catch (e) {
      if (olderHq(e)) return;
      throw e;
    }
    const lacking = asked.filter((h) => !held.has(h));
    if (lacking.length === 0) continue;
    await db.updateTable('attachments').set({ uploaded_at: null }).where('sha256', 'in', lacking).execute();
    await db.updateTable('log_attachments').set({ uploaded_at: null }).where('sha256', 'in', lacking).execute();
  }
}
