import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { HqDatabase } from '../../pg/schema.js';
import { DEFAULT_SITE_TIME_ZONE, deskDayBounds } from '../../../../shared/domain/deskTime.js';
import type { AuditEventRow, ConsoleAuditRow } from '../contract/audit.js';
import { fieldError } from '../contract/errors.js';
import { maskedPayload } from './auditMask.js';
import { reportSites } from './reportSites.js';

type Db = Kysely<HqDatabase>;
export const AUDIT_PAGE_SIZE = 50;

/** The instants a from/to day range covers on `zone`'s calendar (`to` included); a range that ends before it starts is refused. */
function dayRange(from: string | undefined, to: string | undefined, zone: string) {
  if (from && to && from > to) throw fieldError('to', 'audit.err.range');
  return { fromIso: from ? deskDayBounds(from, zone).fromIso : null, toIso: to ? deskDayBounds(to, zone).toIso : null };
}

const andAll = (conds: RawBuilder<unknown>[]) => (conds.length ? sql.join(conds, sql` AND `) : sql`true`);

/**
 * Events HQ holds, newest first, in the sites the caller may see (`siteIds`), filtered by site, desk
 * (code or id), actor (staff number, or the actor id itself), type and days. Days are the chosen site's
 * calendar, else HQ's default one; payloads come out masked.
 */
export async function searchEvents(
  db: Db,
  siteIds: string[],
  f: { siteId?: string; device?: string; actor?: string; type?: string; from?: string; to?: string; page: number },
): Promise<{ total: number; pageSize: number; rows: z.input<typeof AuditEventRow>[] }> {
  if (siteIds.length === 0) return { total: 0, pageSize: AUDIT_PAGE_SIZE, rows: [] };
  const zone = f.siteId
    ? ((await reportSites(db, [f.siteId], '2000-01'))[0]?.zone ?? DEFAULT_SITE_TIME_ZONE)
    : DEFAULT_SITE_TIME_ZONE;
  const { fromIso, toIso } = dayRange(f.from, f.to, zone);
  const conds = [sql`e.site_id IN (${sql.join(f.siteId ? [f.siteId] : siteIds)})`];
  if (f.device) conds.push(sql`(d.code = ${f.device} OR e.device_id = ${f.device})`);
  if (f.actor) conds.push(sql`(s.staff_no = ${f.actor} OR e.actor = ${f.actor})`);
  if (f.type) conds.push(sql`e.type = ${f.type}`);
  if (fromIso) conds.push(sql`e.recorded_at >= ${fromIso}`);
  if (toIso) conds.push(sql`e.recorded_at < ${toIso}`);
  const from = sql`events e JOIN sites si ON si.id = e.site_id
    LEFT JOIN devices d ON d.site_id = e.site_id AND d.id = e.device_id
    LEFT JOIN hq_staff s ON s.site_id = e.site_id AND s.staff_id = e.actor`;
  const where = andAll(conds);
  const { rows: count } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`.execute(db);
  const { rows } = await sql<{
    id: string;
    site_id: string;
    site_code: string;
    device_id: string;
    device_code: string | null;
    device_seq: string;
    type: string;
    actor: string;
    staff_no: string | null;
    staff_name: string | null;
    recorded_at: string;
    received_at: Date;
    status: string;
    reject_reason: string | null;
    payload: unknown;
  }>`
    SELECT e.id, e.site_id, si.code AS site_code, e.device_id, d.code AS device_code, e.device_seq, e.type, e.actor,
      s.staff_no, s.name AS staff_name, e.recorded_at, e.received_at, e.status, e.reject_reason, e.payload
    FROM ${from} WHERE ${where}
    ORDER BY e.recorded_at DESC, e.device_id, e.device_seq DESC
    LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(f.page - 1) * AUDIT_PAGE_SIZE}`.execute(db);
  return {
    total: Number(count[0]!.n),
    pageSize: AUDIT_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: r.site_code,
      deviceId: r.device_id,
      deviceCode: r.device_code,
      deviceSeq: Number(r.device_seq),
      type: r.type,
      actor: r.actor,
      actorStaffNo: r.staff_no,
      actorName: r.staff_name,
      recordedAt: r.recorded_at,
      receivedAt: r.received_at.toISOString(),
      status: r.status,
      rejectReason: r.reject_reason,
      payload: JSON.stringify(maskedPayload(r.payload)),
    })),
  };
}

/**
 * What HQ users did in the console, newest first: a user of every site sees it all; a user of some sites
 * sees only the entries about those sites (not other users' sign-ins).
 */
export async function searchConsoleAudit(
  db: Db,
  siteIds: string[] | null,
  f: { login?: string; action?: string; from?: string; to?: string; page: number },
): Promise<{ total: number; pageSize: number; rows: z.input<typeof ConsoleAuditRow>[] }> {
  const { fromIso, toIso } = dayRange(f.from, f.to, DEFAULT_SITE_TIME_ZONE);
  const conds: RawBuilder<unknown>[] = [];
  if (siteIds) conds.push(siteIds.length ? sql`a.site_id IN (${sql.join(siteIds)})` : sql`false`);
  if (f.login) conds.push(sql`(u.login = ${f.login.toLowerCase()} OR a.user_id = ${`login:${f.login}`})`);
  if (f.action) conds.push(sql`a.action = ${f.action}`);
  if (fromIso) conds.push(sql`a.at >= ${fromIso}`);
  if (toIso) conds.push(sql`a.at < ${toIso}`);
  const from = sql`hq_console_audit a LEFT JOIN hq_console_users u ON u.id = a.user_id LEFT JOIN sites si ON si.id = a.site_id`;
  const where = andAll(conds);
  const { rows: count } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${from} WHERE ${where}`.execute(db);
  const { rows } = await sql<{
    id: string;
    at: Date;
    user_id: string;
    login: string | null;
    name: string | null;
    action: string;
    site_code: string | null;
    detail: unknown;
  }>`
    SELECT a.id, a.at, a.user_id, u.login, u.name, a.action, si.code AS site_code, a.detail
    FROM ${from} WHERE ${where} ORDER BY a.at DESC, a.id DESC
    LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(f.page - 1) * AUDIT_PAGE_SIZE}`.execute(db);
  return {
    total: Number(count[0]!.n),
    pageSize: AUDIT_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      login: r.login ?? r.user_id.replace(/^login:/, ''),
      name: r.name,
      action: r.action,
      siteCode: r.site_code,
      detail: JSON.stringify(maskedPayload(r.detail)),
    })),
  };
}
