import { HLC_MAX_AHEAD_MS } from '../../../shared/domain/clock.js';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { encodeHlc, tickHlc, decodeHlc } from '../../../shared/domain/hlc.js';
import { eventCatalog, type DomainEvent, type EventPayload, type EventType } from '../../../shared/events/catalog.js';
import { HQ_DEVICE_ID } from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { inTransaction } from '../pg/inTransaction.js';
import { newEnrollCode, siteOfDevice } from './auth.js';
import { driftFlagged } from './push.js';
import { checkedHandlers, factHandlers } from '../projections/index.js';
import { deviceCode as deskCode, nameProblem, siteCode } from '../../../shared/api/fields.js';
import { SITE_KINDS } from '../../../shared/api/schemas.js';
import { HQ_TICKET_DESK_CODE } from '../../../shared/domain/tickets.js';
import { firstRow } from '../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;

/** Codes and kind as a desk sets them up, so a desk set up from HQ gets a site it can take. */
export async function createSite(db: Db, s: { code: string; name: string; kind: string }): Promise<string> {
  const code = siteCode.safeParse(s.code);
  if (!code.success) throw new Error(`Site code ${s.code}: a letter, then 1–5 letters or digits (e.g. HY).`);
  if (!(SITE_KINDS as readonly string[]).includes(s.kind))
    throw new Error(`Site kind ${s.kind}: one of ${SITE_KINDS.join(', ')}.`);
  if (!s.name.trim()) throw new Error('The site needs a name.');
  // The name prints on every receipt and pass of the site: the desk's rule for names that print.
  if (nameProblem(s.name.trim()))
    throw new Error('The site name has a control character, a text-direction override or an emoji.');
  const id = uuidv7();
  await db.insertInto('sites').values({ id, code: code.data, name: s.name.trim(), kind: s.kind }).execute();
  return id;
}

export async function siteByCode(db: Db, code: string) {
  return db.selectFrom('sites').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A one-time code a desk redeems to enroll as `deviceCode` of the site. */
export async function issueEnrollCode(db: Db, siteId: string, deviceCode: string): Promise<string> {
  const desk = deskCode.safeParse(deviceCode);
  if (!desk.success) throw new Error(`Desk code ${deviceCode}: 1–4 letters or digits (e.g. A1).`);
  // HQ numbers the tickets it opens as desk HQ: no desk may issue such numbers.
  if (desk.data === HQ_TICKET_DESK_CODE)
    throw new Error(`Desk code ${HQ_TICKET_DESK_CODE} is HQ’s own (its tickets are numbered with it); choose another.`);
  const code = newEnrollCode();
  await db.insertInto('enroll_codes').values({ code, site_id: siteId, device_code: desk.data, used_by: null }).execute();
  return code;
}

/**
 * "Replace device A1": a one-time code that moves desk A1's identity to another PC (its backup
 * restored there, or the same PC after its secret was revoked). Redeeming it makes a new device id,
 * revokes the current one and carries its last seq over (hq/src/store/enroll.ts).
 */
export async function issueReplacementCode(db: Db, siteId: string, deviceCode: string): Promise<string> {
  const current = await db
    .selectFrom('devices as d')
    .select('d.id')
    .where('d.site_id', '=', siteId)
    .where('d.code', '=', deviceCode)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('devices as n').select('n.id').whereRef('n.site_id', '=', 'd.site_id').whereRef('n.replaces', '=', 'd.id'),
        ),
      ),
    )
    .executeTakeFirst();
  if (!current) throw new Error(`No device has desk code ${deviceCode} at this site; a new desk gets an enroll-code.`);
  const code = newEnrollCode();
  await db
    .insertInto('enroll_codes')
    .values({ code, site_id: siteId, device_code: deviceCode, used_by: null, replaces: current.id })
    .execute();
  return code;
}

/**
 * Makes `alias` (a site id some desk's events carry) another name of the site, by an HQ admin only:
 * never a site's own id, never an id already another site's alias or carried by another site's events.
 */
export async function aliasSite(db: Db, siteId: string, alias: string): Promise<'added' | 'exists'> {
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('sites').select('id').where('id', '=', alias).executeTakeFirst())
      throw new Error(`${alias} is a site's own id at HQ; it can never be another site's alias.`);
    const had = await trx.selectFrom('site_aliases').select('site_id').where('alias', '=', alias).executeTakeFirst();
    if (had) {
      if (had.site_id !== siteId) throw new Error(`${alias} is already an alias of another site.`);
      return 'exists';
    }
    const elsewhere = await trx
      .selectFrom('events')
      .select('site_id')
      .where('desk_site_id', '=', alias)
      .where('site_id', '!=', siteId)
      .limit(1)
      .executeTakeFirst();
    if (elsewhere) throw new Error(`Events of another site carry ${alias}; it cannot become this site's alias.`);
    await trx.insertInto('site_aliases').values({ alias, site_id: siteId }).execute();
    return 'added';
  });
}

export async function revokeDevice(db: Db, deviceId: string): Promise<boolean> {
  const siteId = await siteOfDevice(db, deviceId);
  if (siteId === undefined) return false;
  const r = await db
    .updateTable('devices')
    .set({ revoked_at: new Date().toISOString() })
    .where('site_id', '=', siteId)
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listDevices(db: Db, siteId: string) {
  const rows = await db
    .selectFrom('devices')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('code')
    .orderBy('enrolled_at')
    .execute();
  return rows.map((r) => ({
    ...r,
    drift_ms: r.drift_ms === null ? null : Number(r.drift_ms),
    driftFlagged: driftFlagged(r.drift_ms === null ? null : Number(r.drift_ms)),
  }));
}

export async function listRejected(db: Db, siteId: string) {
  return db
    .selectFrom('events')
    .select(['id', 'device_id', 'device_seq', 'type', 'reject_reason', 'reject_detail', 'received_at', 'payload'])
    .where('site_id', '=', siteId)
    .where('status', '=', 'rejected')
    .orderBy('received_at')
    .execute();
}

/**
 * What one device pushed since a time (by HQ's receive time), every status: the review after a device
 * credential may have been stolen. Limited to `limit` rows, oldest first.
 */
export async function deviceEvents(db: Db, deviceId: string, since: Date, limit = 1000) {
  const siteId = await siteOfDevice(db, deviceId);
  if (siteId === undefined) return [];
  return db
    .selectFrom('events')
    .select(['device_seq', 'type', 'actor', 'status', 'reject_reason', 'received_at', 'hlc'])
    .where('site_id', '=', siteId)
    .where('device_id', '=', deviceId)
    .where('received_at', '>=', since)
    .orderBy('device_seq')
    .limit(limit)
    .execute();
}

/**
 * Master data written at HQ (directory, staff, deny list) becomes events of the pseudo-device 'hq',
 * stored and versioned like a desk's, so desks pull and apply them with their ordinary appliers.
 */
export async function writeMasterEvent<T extends EventType>(
  db: Db,
  siteId: string,
  type: T,
  payload: EventPayload<T>,
): Promise<string> {
  eventCatalog[type].payload.parse(payload);
  return inTransaction(db, (trx) => appendMasterEvent(trx, siteId, type, payload));
}

/**
 * writeMasterEvent inside the caller's transaction. `after`: an HLC the event must order after (an HQ
 * change to a person outranks every change to them HQ has seen, whatever the desks' clocks said).
 */
export async function appendMasterEvent<T extends EventType>(
  trx: Db,
  siteId: string,
  type: T,
  payload: EventPayload<T>,
  after?: string,
): Promise<string> {
  const { rows } = await sql<{ version: string }>`SELECT version FROM sites WHERE id = ${siteId} FOR UPDATE`.execute(trx);
  // The pseudo-device's sequence is global across sites, so it is serialised by its own lock.
  await sql`SELECT pg_advisory_xact_lock(4243)`.execute(trx);
  const last = await trx
    .selectFrom('events')
    .select(['device_seq', 'hlc'])
    .where('device_id', '=', HQ_DEVICE_ID)
    .orderBy('device_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const version = Number(firstRow(rows, `site ${siteId}`).version) + 1;
  const now = new Date();
  // A floor from a desk's clock far ahead of HQ's (a forged HLC) is not taken: HQ's own clock would stay there.
  const plausible = after && decodeHlc(after).wallMs <= now.getTime() + HLC_MAX_AHEAD_MS ? after : undefined;
  const since = plausible && (!last || plausible > last.hlc) ? plausible : last?.hlc;
  const hlc = encodeHlc(tickHlc(since ? decodeHlc(since) : null, now.getTime(), HQ_DEVICE_ID));
  const id = uuidv7();
  await trx
    .insertInto('events')
    .values({
      device_id: HQ_DEVICE_ID,
      device_seq: Number(last?.device_seq ?? 0) + 1,
      id,
      site_id: siteId,
      site_version: version,
      hlc,
      type,
      v: eventCatalog[type].v,
      actor: HQ_DEVICE_ID,
      desk_site_id: siteId,
      payload: JSON.stringify(payload),
      recorded_at: now.toISOString(),
      status: 'ok',
      reject_reason: null,
      reject_detail: null,
    })
    .execute();
  await trx.updateTable('sites').set({ version }).where('id', '=', siteId).execute();
  // HQ's own read model sees master data like a desk's facts (e.g. charges billed at HQ).
  const project = factHandlers.get(type);
  // Staff at HQ are checked one by one (their projection must be current for the next event's actor).
  const checked = checkedHandlers.get(type);
  if (project || checked) {
    const event: DomainEvent = {
      id,
      deviceId: HQ_DEVICE_ID,
      deviceSeq: Number(last?.device_seq ?? 0) + 1,
      hlc,
      type,
      v: eventCatalog[type].v,
      actor: HQ_DEVICE_ID,
      siteId,
      payload,
      recordedAt: now.toISOString(),
    } as DomainEvent;
    if (project) await project(trx, siteId, [event] as never[]);
    else await checked!(trx, siteId, event as never);
  }
  return id;
}
