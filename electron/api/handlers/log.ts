import { createHash } from 'node:crypto';
import { deskTime, deskDayBounds } from '../../../shared/domain/deskTime.js';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import type { LogEntry } from '../../../shared/api/logSchemas.js';
import { ATTACHMENT_MAX_BYTES, LOG_RECENT_HOURS, sniffImageType } from '../../../shared/domain/log.js';
import { roleAtLeast } from '../../../shared/domain/staff.js';
import { draft } from '../../../db/events.js';
import type { Database } from '../../../db/schema.js';
import * as q from '../../../db/queries/log.js';
import { openShiftOf } from '../../../db/queries/shifts.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';

type Base = Omit<LogEntry, 'corrections'>;

const toBase = (r: q.LogRow): Base => ({
  id: r.id,
  at: r.at,
  deviceCode: r.device_code,
  shiftId: r.shift_id,
  authorId: r.author,
  authorName: r.author_name ?? '',
  category: r.category,
  priority: r.priority,
  tag: r.tag,
  text: r.text,
  correctsId: r.corrects_id,
  attachment:
    r.attachment_id && r.attachment_mime ? { id: r.attachment_id, mime: r.attachment_mime, size: r.attachment_size ?? 0 } : null,
  resolvedAt: r.resolved_at,
  resolvedByName: r.resolved_by_name,
  resolution: r.resolution,
});

/** Entries with their corrections attached, so a correction is always read next to what it corrects. */
async function withCorrections(db: Kysely<Database>, rows: q.LogRow[]): Promise<LogEntry[]> {
  const corrections = await q.correctionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...toBase(r), corrections: corrections.filter((c) => c.corrects_id === r.id).map(toBase) }));
}

/** One entry with its corrections. */
async function entryOf(db: Kysely<Database>, row: q.LogRow): Promise<LogEntry> {
  return { ...toBase(row), corrections: (await q.correctionsOf(db, [row.id])).map(toBase) };
}

/** The entry this call just wrote (or found written), with its corrections. */
async function writtenEntry(db: Kysely<Database>, entryId: string): Promise<LogEntry> {
  const row = await q.logEntryById(db, entryId);
  if (!row) throw new Error(`log entry ${entryId}: not found after it was written`);
  return entryOf(db, row);
}

/** One desk's log, or — for a shift leader and above who asks — every desk of the site. */
function scope(ctx: HandlerContext, allDesks: boolean): string | null {
  const { site, staff } = signedIn(ctx);
  if (!allDesks) return site.deviceId;
  if (!roleAtLeast(staff.role, 'shift_leader')) throw new ApiFailure('forbidden', 'err.forbidden');
  return null;
}

/** The photo's bytes, checked by content (JPEG/PNG/WebP) and size before anything is written. */
function readPhoto(a: { contentBase64: string }) {
  const data = Buffer.from(a.contentBase64, 'base64');
  if (data.length === 0) throw fieldError('attachment', 'err.log.photoType');
  if (data.length > ATTACHMENT_MAX_BYTES) throw fieldError('attachment', 'err.log.photoTooLarge');
  const mime = sniffImageType(data);
  if (!mime) throw fieldError('attachment', 'err.log.photoType');
  return { id: uuidv7(), mime, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data };
}

const changed = (ctx: HandlerContext) => ctx.services.notify({ kind: 'log-changed' });

export const logHandlers: Pick<
  HandlerMap,
  'log:add' | 'log:resolve' | 'log:list' | 'log:search' | 'log:attachment' | 'log:tags'
> = {
  /** Appends an entry; time, author, desk and shift are stamped here, never typed. */
  async 'log:add'(input, ctx) {
    const { site } = signedIn(ctx);
    const earlier = await q.logEntryById(ctx.db, input.entryId);
    if (earlier) return entryOf(ctx.db, earlier);
    const tag = input.tag ? await q.canonicalTag(ctx.db, input.tag) : '';
    if (tag === null) throw fieldError('tag', 'err.log.unknownTag');
    let correctsId: string | null = null;
    if (input.correctsId) {
      const original = await q.logEntryById(ctx.db, input.correctsId);
      if (!original) throw fieldError('correctsId', 'err.notFound');
      // A correction of a correction still belongs to the original entry.
      correctsId = original.corrects_id ?? original.id;
    }
    const photo = input.attachment ? readPhoto(input.attachment) : null;
    await ctx.transact(async (trx, emit) => {
      if (await q.logEntryById(trx, input.entryId)) return;
      const shift = await openShiftOf(trx, site.deviceId);
      if (photo) {
        await trx
          .insertInto('log_attachments')
          .values({ id: photo.id, mime: photo.mime, size: photo.size, sha256: photo.sha256, data: photo.data })
          .execute();
      }
      await emit(
        draft('LogEntryAdded', {
          entryId: input.entryId,
          deviceCode: site.deviceCode,
          shiftId: shift?.id ?? null,
          at: ctx.now.toISOString(),
          category: input.category,
          priority: input.priority,
          tag,
          text: input.text,
          correctsId,
          attachment: photo && { id: photo.id, mime: photo.mime, size: photo.size, sha256: photo.sha256 },
        }),
      );
    });
    changed(ctx);
    return writtenEntry(ctx.db, input.entryId);
  },

  /** Closes a pending item with what was done; closed once, by whoever did it. */
  async 'log:resolve'(input, ctx) {
    const entry = await q.logEntryById(ctx.db, input.entryId);
    if (!entry) throw fieldError('entryId', 'err.notFound');
    if (entry.category !== 'pending' || entry.corrects_id) throw fieldError('entryId', 'err.log.notPending');
    if (entry.resolved_at) throw new ApiFailure('conflict', 'err.log.alreadyResolved');
    await ctx.transact(async (trx, emit) => {
      if ((await q.logEntryById(trx, input.entryId))?.resolved_at) throw new ApiFailure('conflict', 'err.log.alreadyResolved');
      await emit(draft('LogItemResolved', { entryId: input.entryId, resolution: input.resolution, at: ctx.now.toISOString() }));
    });
    changed(ctx);
    return writtenEntry(ctx.db, input.entryId);
  },

  /** Open pending items first (any age), then the last 48 hours. */
  async 'log:list'(input, ctx) {
    const deviceId = scope(ctx, input.allDesks);
    const pending = await q.openPending(ctx.db, deviceId);
    const open = new Set(pending.map((p) => p.id));
    const since = deskTime(ctx.now).subtract(LOG_RECENT_HOURS, 'hour').toISOString();
    const recent = (await q.logSince(ctx.db, deviceId, since)).filter((r) => !open.has(r.id));
    return { pending: await withCorrections(ctx.db, pending), recent: await withCorrections(ctx.db, recent) };
  },

  /** All history; a matching correction brings up its original (with all its corrections). */
  async 'log:search'(input, ctx) {
    const deviceId = scope(ctx, input.allDesks);
    const rows = await q.searchLog(ctx.db, {
      text: input.text,
      category: input.category,
      tag: input.tag,
      authorId: input.authorId,
      fromIso: input.from ? deskDayBounds(input.from).fromIso : undefined,
      toIso: input.to ? deskDayBounds(input.to).toIso : undefined,
      deviceId,
      limit: input.limit,
    });
    const roots: q.LogRow[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const rootId = r.corrects_id ?? r.id;
      if (seen.has(rootId)) continue;
      seen.add(rootId);
      const root = r.corrects_id ? await q.logEntryById(ctx.db, rootId) : r;
      if (root) roots.push(root);
    }
    return withCorrections(ctx.db, roots);
  },

  async 'log:attachment'(input, ctx) {
    const a = await q.attachmentById(ctx.db, input.id);
    if (!a) throw fieldError('id', 'err.notFound');
    return { mime: a.mime, base64: Buffer.from(a.data).toString('base64') };
  },

  async 'log:tags'(input, ctx) {
    return input.q ? q.tagCandidates(ctx.db, input.q) : [];
  },
};
