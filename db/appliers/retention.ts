import { sql, type Kysely } from 'kysely';
import type { Applier } from './index.js';
import type { Database } from '../schema.js';
import { getMeta, setMeta } from '../meta.js';
import { dropSealedFieldsBefore } from '../queries/sealedFields.js';
import { expiredPayload, expiredPictures, withoutVisitorNames, type RetentionCutoffs } from '../../shared/domain/retention.js';

type Db = Kysely<Database>;
const KEYS = ['visitsBefore', 'signaturesBefore', 'logPhotosBefore'] as const;

/** The cutoffs this desk has applied: each only moves forward, whichever desk's pass arrives first. */
export async function appliedCutoffs(db: Db): Promise<RetentionCutoffs> {
  const out = {} as RetentionCutoffs;
  for (const k of KEYS) out[k] = (await getMeta(db, `retention.${k}`)) ?? '';
  return out;
}

async function advance(db: Db, p: RetentionCutoffs): Promise<RetentionCutoffs> {
  const had = await appliedCutoffs(db);
  const now = {} as RetentionCutoffs;
  for (const k of KEYS) {
    now[k] = p[k] > had[k] ? p[k] : had[k];
    if (now[k] !== had[k]) await setMeta(db, `retention.${k}`, now[k]);
  }
  return now;
}

/**
 * Old events in this desk's log still holding expired personal data: rewritten in place (the one
 * exception to append-only). Answers the signatures' picture hashes, whose bytes go too.
 */
async function blankEvents(db: Db, c: RetentionCutoffs): Promise<string[]> {
  const rows = await sql<{ seq: number; type: string; payload: string }>`
    SELECT seq, type, payload FROM events WHERE
      (type = 'VisitorCheckedIn' AND json_extract(payload, '$.checkedInAt') < ${c.visitsBefore} AND (
        json_extract(payload, '$.visitor.name') <> '' OR json_extract(payload, '$.visitor.idNumber') <> ''
        OR json_extract(payload, '$.visitor.idNumberMasked') <> '' OR json_extract(payload, '$.visitor.idHash') <> ''
        OR json_extract(payload, '$.visitor.phone') <> '' OR json_extract(payload, '$.plate') <> ''
        OR json_extract(payload, '$.note') <> ''))
      OR (type = 'ShiftClosed' AND json_extract(payload, '$.closedAt') < ${c.visitsBefore})
      OR (type = 'MailPickedUp' AND json_extract(payload, '$.at') < ${c.signaturesBefore}
        AND json_type(payload, '$.signature') = 'object')
      OR (type = 'LogEntryAdded' AND json_extract(payload, '$.at') < ${c.logPhotosBefore}
        AND json_type(payload, '$.attachment') = 'object')`.execute(db);
  return rewriteStoredEvents(db, rows.rows, (type, old) => expiredPayload(type, old, c));
}

type Json = Record<string, unknown>;

/**
 * Rewrites stored events with their blanked copies (`blankOf` answers null for an event left as it is)
 * — the one exception to the log's append-only rule, for retention and a person's erasure — and
 * returns the pickup signatures those events named, whose pictures go too.
 */
export async function rewriteStoredEvents(
  db: Db,
  rows: Array<{ seq: number; type: string; payload: string }>,
  blankOf: (type: string, old: Json) => Json | null,
): Promise<string[]> {
  const pictures: string[] = [];
  for (const r of rows) {
    const old = JSON.parse(r.payload) as Json;
    const blank = blankOf(r.type, old);
    if (!blank) continue;
    if (r.type === 'MailPickedUp') pictures.push(...expiredPictures(r.type, old));
    await db
      .updateTable('events')
      .set({ payload: JSON.stringify(blank) })
      .where('seq', '=', r.seq)
      .execute();
  }
  return pictures;
}

/** A visit's personal columns, blanked (retention and a person's erasure). */
export const BLANK_VISIT = {
  visitor_name: '',
  visitor_phone: '',
  phone_hash: '',
  id_number_masked: '',
  id_hash: '',
  plate: '',
  note: '',
} as const;

async function anonymiseVisits(db: Db, before: string): Promise<void> {
  await db
    .updateTable('visits')
    .set(BLANK_VISIT)
    .where('checked_in_at', '<', before)
    .where((eb) =>
      eb.or([
        eb('visitor_name', '<>', ''),
        eb('visitor_phone', '<>', ''),
        eb('phone_hash', '<>', ''),
        eb('id_number_masked', '<>', ''),
        eb('id_hash', '<>', ''),
        eb('plate', '<>', ''),
        eb('note', '<>', ''),
      ]),
    )
    .execute();
}

/** Handover sheets closed before the cutoff keep their visitor lines without the visitors' names. */
async function anonymiseHandovers(db: Db, before: string): Promise<void> {
  const rows = await db.selectFrom('shifts').select(['id', 'sections']).where('closed_at', '<', before).execute();
  for (const r of rows) {
    if (!r.sections) continue;
    const sections = JSON.stringify(withoutVisitorNames(JSON.parse(r.sections) as Parameters<typeof withoutVisitorNames>[0]));
    if (sections !== r.sections) await db.updateTable('shifts').set({ sections }).where('id', '=', r.id).execute();
  }
}

async function dropSignatures(db: Db, before: string, pictures: string[]): Promise<void> {
  const rows = await db
    .selectFrom('mail_closings')
    .select('signature_sha256')
    .where('at', '<', before)
    .where('signature_sha256', 'is not', null)
    .execute();
  const shas = [...new Set([...pictures, ...rows.map((r) => r.signature_sha256!)])];
  await db.updateTable('mail_closings').set({ signature_sha256: null }).where('at', '<', before).execute();
  if (shas.length) await db.deleteFrom('attachments').where('sha256', 'in', shas).execute();
}

async function dropLogPhotos(db: Db, before: string): Promise<void> {
  const rows = await db
    .selectFrom('log_entries')
    .select('attachment_id')
    .where('at', '<', before)
    .where('attachment_id', 'is not', null)
    .execute();
  if (!rows.length) return;
  await db
    .deleteFrom('log_attachments')
    .where(
      'id',
      'in',
      rows.map((r) => r.attachment_id!),
    )
    .execute();
  await db
    .updateTable('log_entries')
    .set({ attachment_id: null, attachment_mime: null, attachment_size: null })
    .where('at', '<', before)
    .execute();
}

/**
 * The retention pass as every desk applies it, its own or another desk's: the cutoffs move forward,
 * then everything dated before them — tables and this desk's copies of the events — loses its
 * personal data. Idempotent: a second pass finds nothing left to blank.
 */
export const retentionAppliers: { RetentionApplied: Applier<'RetentionApplied'> } = {
  async RetentionApplied(db, { payload }) {
    const c = await advance(db, payload);
    const pictures = await blankEvents(db, c);
    await dropSealedFieldsBefore(db, c.visitsBefore);
    await anonymiseVisits(db, c.visitsBefore);
    await anonymiseHandovers(db, c.visitsBefore);
    await dropSignatures(db, c.signaturesBefore, pictures);
    await dropLogPhotos(db, c.logPhotosBefore);
  },
};
