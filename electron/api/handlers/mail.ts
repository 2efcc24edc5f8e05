import { deskTime, deskDayBounds, deskDayCode } from '../../../shared/domain/deskTime.js';
import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { formatMailDamageNo, formatMailRegisterNo } from '../../../shared/domain/numbering.js';
import {
  DAY_MS,
  forwardingUntil,
  FORWARDING_NOTICE_DAYS,
  daysWaiting,
  normalizeTrackingNo,
} from '../../../shared/domain/mail.js';
import { maskIdNumber } from '../../../shared/domain/mask.js';
import { draft } from '../../../db/events.js';
import { nextCounter } from '../../../db/meta.js';
import { hostById } from '../../../db/queries/directory.js';
import * as q from '../../../db/queries/mail.js';
import type { DamageInput } from '../../../shared/api/mailSchemas.js';
import { approveBy } from '../pinCheck.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';
import { toClosing, toMailDamage, toMailItem } from './mailView.js';
import { attachmentRef, readAttachment, storeAttachment, type StoredAttachment } from './mailAttachments.js';

const changed = (ctx: HandlerContext) => ctx.services.notify({ kind: 'mail-changed' });

async function itemView(ctx: HandlerContext, id: string) {
  const { mailReturnDays } = await ctx.services.settings();
  return toMailItem((await q.itemById(ctx.db, id))!, ctx.now, mailReturnDays);
}

async function detail(ctx: HandlerContext, id: string) {
  return {
    item: await itemView(ctx, id),
    damage: (await q.damageOfItem(ctx.db, id)).map(toMailDamage),
    closings: (await q.closingsOf(ctx.db, id)).map(toClosing),
  };
}

async function loadItem(ctx: HandlerContext, itemId: string) {
  const item = await q.itemById(ctx.db, itemId);
  if (!item) throw fieldError('itemId', 'err.notFound');
  return item;
}

/** Handed over or returned already (here or, after sync, on another desk): nothing more to do with it. */
const notOnShelf = (item: q.MailItemRow) =>
  new ApiFailure('conflict', `err.mail.${item.status}`, [{ path: 'itemId', message: `err.mail.${item.status}` }], {
    closedAt: item.closed_at,
    lastSigner: item.signer_name,
  });

/** The damage register line as drafted: numbered in the writing transaction, gapless per desk and year. */
async function damageDraft(
  trx: Parameters<Parameters<HandlerContext['transact']>[0]>[0],
  ctx: HandlerContext,
  d: { damageId: string; itemId: string; receivedBy: string; input: DamageInput; photo: StoredAttachment | null },
) {
  const { site } = signedIn(ctx);
  const year = deskTime(ctx.now).year();
  if (d.photo) await storeAttachment(trx, d.photo, ctx.now);
  return {
    damageId: d.damageId,
    itemId: d.itemId,
    registerNo: formatMailDamageNo(site.siteCode, site.deviceCode, year, await nextCounter(trx, 'mail_damage', String(year))),
    what: d.input.what.trim(),
    how: [...new Set(d.input.how)],
    description: (d.input.description ?? '').trim(),
    photo: d.photo && attachmentRef(d.photo),
    receivedBy: d.receivedBy,
    at: ctx.now.toISOString(),
  };
}

export const mailHandlers: Pick<
  HandlerMap,
  | 'mail:receive'
  | 'mail:recordDamage'
  | 'mail:confirmDamage'
  | 'mail:notice'
  | 'mail:pickUp'
  | 'mail:return'
  | 'mail:countNewspapers'
  | 'mail:newspapers'
  | 'mail:list'
  | 'mail:search'
  | 'mail:lookup'
  | 'mail:detail'
  | 'mail:damageList'
  | 'mail:overview'
  | 'mail:attachment'
> = {
  /** One scanned item into the register. Recipient from the directory; a tracking number still on the shelf warns. */
  async 'mail:receive'(input, ctx) {
    const { site, staff } = signedIn(ctx);
    const replay = async (id: string) => {
      const item = await itemView(ctx, id);
      const damage = item.condition === 'damaged' ? ((await q.damageOfItem(ctx.db, id)).map(toMailDamage)[0] ?? null) : null;
      return { item, damage, batchCount: await q.batchCount(ctx.db, input.batchId) };
    };
    if (await q.itemById(ctx.db, input.itemId)) return replay(input.itemId);
    const recipient = await hostById(ctx.db, input.occupantId);
    if (!recipient) throw fieldError('occupantId', 'err.mail.unknownUnit');
    const onShelf = await q.onShelfByTracking(ctx.db, input.trackingNo);
    if (onShelf && !input.allowDuplicate)
      throw new ApiFailure(
        'conflict',
        'err.mail.duplicateOnShelf',
        [{ path: 'trackingNo', message: 'err.mail.duplicateOnShelf' }],
        { registerNo: onShelf.register_no },
      );
    const damaged = input.condition === 'damaged' && input.damage ? input.damage : null;
    const photo = damaged?.photo ? readAttachment(damaged.photo, 'damage.photo') : null;
    await ctx.transact(async (trx, emit) => {
      if (await q.itemById(trx, input.itemId)) return;
      const day = deskDayCode(ctx.now);
      const registerNo = formatMailRegisterNo(site.siteCode, site.deviceCode, day, await nextCounter(trx, 'mail', day));
      await emit(
        draft('MailReceived', {
          itemId: input.itemId,
          batchId: input.batchId,
          registerNo,
          carrier: input.carrier,
          trackingNo: input.trackingNo,
          kind: input.kind,
          recipient: {
            occupantId: recipient.occupantId,
            unitId: recipient.unitId,
            unitCode: recipient.unitCode,
            name: recipient.name,
            company: recipient.company,
          },
          location: input.location,
          condition: input.condition,
          forwardUntil: forwardingUntil(recipient.movedOutOn, input.movedOut, ctx.now),
          receivedAt: ctx.now.toISOString(),
          duplicateOf: onShelf?.id ?? null,
        }),
      );
      if (damaged) {
        const d = await damageDraft(trx, ctx, {
          damageId: uuidv7(),
          itemId: input.itemId,
          receivedBy: staff.id,
          input: damaged,
          photo,
        });
        await emit(draft('MailDamageRecorded', d));
      }
    });
    changed(ctx);
    return replay(input.itemId);
  },

  /** A damage line (or a correction of one, linked; the register is never edited). Awaits confirmation. */
  async 'mail:recordDamage'(input, ctx) {
    const earlier = await q.damageById(ctx.db, input.damageId);
    if (earlier) return toMailDamage(earlier);
    const item = await loadItem(ctx, input.itemId);
    let correctsId: string | null = null;
    if (input.correctsId) {
      const original = await q.damageById(ctx.db, input.correctsId);
      if (!original || original.item_id !== item.id) throw fieldError('correctsId', 'err.notFound');
      correctsId = original.corrects_id ?? original.id;
    }
    const photo = input.photo ? readAttachment(input.photo, 'photo') : null;
    await ctx.transact(async (trx, emit) => {
      if (await q.damageById(trx, input.damageId)) return;
      const d = await damageDraft(trx, ctx, {
        damageId: input.damageId,
        itemId: item.id,
        receivedBy: item.received_by,
        input,
        photo,
      });
      await emit(correctsId ? draft('MailDamageCorrected', { ...d, correctsId }) : draft('MailDamageRecorded', d));
    });
    changed(ctx);
    return toMailDamage((await q.damageById(ctx.db, input.damageId))!);
  },

  /**
   * The shift leader's sign-off with their own PIN (seed 000: 经当班领班签名确认). The person who signed
   * for the item, or wrote the damage line, cannot confirm it. Confirmed, the slip prints.
   */
  async 'mail:confirmDamage'(input, ctx) {
    const dmg = await q.damageById(ctx.db, input.damageId);
    if (!dmg) throw fieldError('damageId', 'err.notFound');
    if (dmg.confirmed_at) throw new ApiFailure('conflict', 'err.mail.alreadyConfirmed');
    const notBy = [dmg.received_by, dmg.recorded_by, signedIn(ctx).staff.id];
    const leader = await approveBy(ctx, input.approval, 'shift_leader', ctx.now, 'approval', notBy);
    const printJobId = uuidv7();
    await ctx.transact(async (trx, emit) => {
      if ((await q.damageById(trx, dmg.id))?.confirmed_at) throw new ApiFailure('conflict', 'err.mail.alreadyConfirmed');
      await emit(
        draft('MailDamageConfirmed', { damageId: dmg.id, confirmedBy: leader.id, at: ctx.now.toISOString() }),
        // The slip is stuck on the damaged part: it prints as soon as the record is valid.
        draft('PrintJobQueued', { jobId: printJobId, docType: 'mail_damage_slip', docId: dmg.id, layout: 'roll80', copyNo: 0 }),
      );
    });
    changed(ctx);
    ctx.services.notify({ kind: 'print-queued', jobId: printJobId });
    return { damage: toMailDamage((await q.damageById(ctx.db, dmg.id))!), printJobId };
  },

  /** A notice was made (SMS is not sent from the desk; the desk records that and how someone was told). */
  async 'mail:notice'(input, ctx) {
    const item = await loadItem(ctx, input.itemId);
    if (item.status !== 'on_shelf') throw notOnShelf(item);
    await ctx.transact(async (_trx, emit) => {
      await emit(
        draft('MailNoticeRecorded', { itemId: item.id, at: ctx.now.toISOString(), method: input.method, note: input.note }),
      );
    });
    changed(ctx);
    return itemView(ctx, item.id);
  },

  /** Hand-over against ID (type, masked number kept) and a signature image or a typed name. */
  async 'mail:pickUp'(input, ctx) {
    const item = await loadItem(ctx, input.itemId);
    if (item.status !== 'on_shelf') throw notOnShelf(item);
    // Seed 000: a damaged item is delivered after the leader confirmed the record and the slip sealed it.
    if ((await q.damageOfItem(ctx.db, item.id)).some((d) => !d.confirmed_at))
      throw fieldError('itemId', 'err.mail.damageUnconfirmed');
    const id = input.id!;
    const signature = input.signature ? readAttachment(input.signature, 'signature') : null;
    await ctx.transact(async (trx, emit) => {
      const current = (await q.itemById(trx, item.id))!;
      if (current.status !== 'on_shelf') throw notOnShelf(current);
      if (signature) await storeAttachment(trx, signature, ctx.now);
      await emit(
        draft('MailPickedUp', {
          itemId: item.id,
          at: ctx.now.toISOString(),
          signerName: input.signerName,
          relation: input.relation,
          idType: id.idType,
          idNumberMasked: maskIdNumber(id.idNumber),
          signature: signature && attachmentRef(signature),
          typedName: input.typedName || null,
        }),
      );
    });
    changed(ctx);
    return detail(ctx, item.id);
  },

  /** Unclaimed after the configured days, reviewed by a supervisor with their PIN: into the return register. */
  async 'mail:return'(input, ctx) {
    const item = await loadItem(ctx, input.itemId);
    if (item.status !== 'on_shelf') throw notOnShelf(item);
    const { mailReturnDays } = await ctx.services.settings();
    const waited = daysWaiting(item.received_at, ctx.now);
    if (waited < mailReturnDays)
      throw new ApiFailure('invalid_input', 'err.mail.returnTooEarly', [{ path: 'itemId', message: 'err.mail.returnTooEarly' }], {
        days: mailReturnDays,
        waited,
      });
    const reviewer = await approveBy(ctx, input.approval, 'shift_leader', ctx.now, 'approval', [signedIn(ctx).staff.id]);
    await ctx.transact(async (trx, emit) => {
      const current = (await q.itemById(trx, item.id))!;
      if (current.status !== 'on_shelf') throw notOnShelf(current);
      await emit(
        draft('MailReturned', {
          itemId: item.id,
          at: ctx.now.toISOString(),
          reviewedBy: reviewer.id,
          reason: input.approval.reason,
          daysWaited: waited,
        }),
      );
    });
    changed(ctx);
    return detail(ctx, item.id);
  },

  /** Newspapers counted against subscriptions; short or late goes to the shift leader (listed, handed over). */
  async 'mail:countNewspapers'(input, ctx) {
    await ctx.transact(async (trx, emit) => {
      if (await trx.selectFrom('newspaper_counts').select('id').where('id', '=', input.countId).executeTakeFirst()) return;
      await emit(
        draft('NewspaperDeliveryCounted', {
          countId: input.countId,
          at: ctx.now.toISOString(),
          carrier: input.carrier,
          title: input.title,
          expected: input.expected,
          received: input.received,
          late: input.late,
          note: input.note,
        }),
      );
    });
    changed(ctx);
    const rows = await q.recentNewspaperCounts(ctx.db, deskTime(ctx.now).subtract(1, 'day').toISOString());
    return toCount(rows.find((r) => r.id === input.countId)!);
  },

  async 'mail:newspapers'(_input, ctx) {
    return (await q.recentNewspaperCounts(ctx.db, deskTime(ctx.now).subtract(7, 'day').toISOString())).map(toCount);
  },

  async 'mail:list'(input, ctx) {
    const { mailReturnDays } = await ctx.services.settings();
    const rows = await (() => {
      switch (input.view) {
        case 'awaiting':
          return q.onShelf(ctx.db, false);
        case 'forwarding':
          return q.onShelf(ctx.db, true);
        case 'returnsDue':
          return q.returnsDue(ctx.db, new Date(ctx.now.getTime() - mailReturnDays * DAY_MS).toISOString());
        case 'returned':
          return q.returned(ctx.db, deskTime(ctx.now).subtract(90, 'day').toISOString());
      }
    })();
    return rows.map((r) => toMailItem(r, ctx.now, mailReturnDays));
  },

  async 'mail:search'(input, ctx) {
    const { mailReturnDays } = await ctx.services.settings();
    const rows = await q.searchItems(ctx.db, {
      trackingNo: normalizeTrackingNo(input.trackingNo),
      unit: input.unit,
      fromIso: input.from ? deskDayBounds(input.from).fromIso : undefined,
      toIso: input.to ? deskDayBounds(input.to).toIso : undefined,
      limit: input.limit,
    });
    return rows.map((r) => toMailItem(r, ctx.now, mailReturnDays));
  },

  /** A scanned tracking number at pickup: the items under it, newest first (one index probe). */
  async 'mail:lookup'(input, ctx) {
    const { mailReturnDays } = await ctx.services.settings();
    return (await q.itemsByTracking(ctx.db, input.trackingNo)).map((r) => toMailItem(r, ctx.now, mailReturnDays));
  },

  async 'mail:detail'(input, ctx) {
    await loadItem(ctx, input.itemId);
    return detail(ctx, input.itemId);
  },

  async 'mail:damageList'(_input, ctx) {
    return (await q.unconfirmedDamage(ctx.db)).map(toMailDamage);
  },

  async 'mail:overview'(_input, ctx) {
    const { mailReturnDays } = await ctx.services.settings();
    const now = ctx.now.getTime();
    return q.mailCounts(
      ctx.db,
      new Date(now - mailReturnDays * DAY_MS).toISOString(),
      new Date(now - FORWARDING_NOTICE_DAYS * DAY_MS).toISOString(),
    );
  },

  async 'mail:attachment'(input, ctx) {
    const a = await q.attachmentBySha(ctx.db, input.sha256);
    if (!a) throw new ApiFailure('not_found', 'err.notFound');
    return { mime: a.mime, base64: Buffer.from(a.data).toString('base64') };
  },
};

function toCount(r: q.NewspaperCountRow) {
  return {
    id: r.id,
    at: r.at,
    carrier: r.carrier,
    title: r.title,
    expected: r.expected,
    received: r.received,
    late: r.late === 1,
    note: r.note,
    byName: r.by_name ?? '',
    escalated: r.late === 1 || r.received < r.expected,
  };
}
