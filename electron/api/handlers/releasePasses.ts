import { deskTime, deskDayBounds, deskDayCode, deskDayStart } from '../../../shared/domain/deskTime.js';
import { v7 as uuidv7 } from 'uuid';
import { minimalId } from '../../privacy/idHash.js';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import type { ProcParsed } from '../../../shared/api/contract.js';
import { formatReleasePassNo, parseReleasePassNo, parseVisitorPassNo } from '../../../shared/domain/numbering.js';
import { MAX_DAYS_AHEAD, authorityNeeded, passVerdict, type PassVerdict } from '../../../shared/domain/releasePass.js';
import { draft } from '../../../db/events.js';
import { nextCounter } from '../../../db/meta.js';
import { hostById, occupantsOfUnit, type HostRow } from '../../../db/queries/directory.js';
import { unitArrearsFen } from '../../../db/queries/arrears.js';
import * as q from '../../../db/queries/releasePasses.js';
import { approveBy } from '../pinCheck.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';
import { toHostMatch } from './visitView.js';
import { toPassCheck, toReleasePass } from './releasePassView.js';

type IssueInput = ProcParsed<'passes:issue'>;

/** The answer to an issue whose request was already recorded: the same pass and its first print job. */
async function replayIssue(ctx: HandlerContext, pass: q.ReleasePassRow) {
  const job = await ctx.db
    .selectFrom('print_jobs')
    .select('id')
    .where('doc_type', '=', 'release_pass')
    .where('doc_id', '=', pass.id)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  return { pass: toReleasePass(pass, ctx.now), printJobId: job.id };
}

/** The window is checked against the desk's clock here; its shape (order, 7 days) by the schema. */
function checkWindow(input: IssueInput, now: Date) {
  if (Date.parse(input.validUntil) <= now.getTime()) throw fieldError('validUntil', 'err.pass.windowPast');
  if (Date.parse(input.validFrom) < deskDayStart(now).getTime()) throw fieldError('validFrom', 'err.pass.windowPast');
  if (Date.parse(input.validFrom) > now.getTime() + MAX_DAYS_AHEAD * 86_400_000)
    throw fieldError('validFrom', 'err.pass.windowTooFar');
}

/**
 * Authority (seed 000, domain §5): an owner must be the owner on record; anyone else brings the
 * consent of the unit's owner, or of the company's registered contact, named from the directory.
 */
function checkAuthority(input: IssueInput, occupant: HostRow, unitPeople: HostRow[]) {
  if (input.relation === 'owner') {
    const owner = unitPeople.find((o) => o.role === 'owner' && o.name === input.applicant.name);
    if (!owner) throw fieldError('relation', 'err.pass.notOwner');
    return null;
  }
  const needed = authorityNeeded(input.relation, occupant.role === 'company')!;
  const candidates = unitPeople.filter((o) => o.role === needed);
  const path = 'authority.occupantId';
  if (!candidates.length) throw fieldError(path, needed === 'owner' ? 'err.pass.noOwnerOnRecord' : 'err.pass.noCompanyContact');
  const who = candidates.find((o) => o.occupantId === input.authority?.occupantId);
  if (!who || !input.authority)
    throw fieldError(path, needed === 'owner' ? 'err.pass.consentNotOwner' : 'err.pass.consentNotContact');
  return { occupantId: who.occupantId, name: who.name, method: input.authority.method };
}

/** Moving out of the whole unit while fees are unpaid needs a shift leader's PIN on the spot, never silently. */
async function checkArrears(ctx: HandlerContext, input: IssueInput, unitId: string) {
  if (!input.wholeUnit) return { amountFen: 0, approvedBy: null, reason: '' };
  const amountFen = await unitArrearsFen(ctx.db, unitId, deskTime(ctx.now).format('YYYY-MM'));
  if (amountFen === 0) return { amountFen, approvedBy: null, reason: '' };
  if (!input.arrearsApproval) throw new ApiFailure('approval_required', 'err.pass.arrears', undefined, { arrearsFen: amountFen });
  const approver = await approveBy(ctx, input.arrearsApproval, 'shift_leader', ctx.now, 'arrearsApproval', [
    signedIn(ctx).staff.id,
  ]);
  return { amountFen, approvedBy: approver.id, reason: input.arrearsApproval.reason };
}

const notOpen = (pass: q.ReleasePassRow, verdict: PassVerdict) =>
  new ApiFailure('conflict', `err.pass.verdict.${verdict}`, [{ path: 'code', message: `err.pass.verdict.${verdict}` }], {
    verdict,
    passNo: pass.pass_no,
    closedAt: pass.closed_at,
  });

async function loadPass(ctx: HandlerContext, passId: string) {
  const pass = await q.passById(ctx.db, passId);
  if (!pass) throw fieldError('passId', 'err.notFound');
  return pass;
}

async function checkOf(ctx: HandlerContext, passId: string) {
  return toPassCheck((await q.passById(ctx.db, passId))!, await q.gateChecksOf(ctx.db, passId), ctx.now);
}

export const releasePassHandlers: Pick<
  HandlerMap,
  | 'passes:unitInfo'
  | 'passes:issue'
  | 'passes:cancel'
  | 'passes:list'
  | 'passes:search'
  | 'passes:verify'
  | 'passes:release'
  | 'passes:refuse'
> = {
  async 'passes:unitInfo'(input, ctx) {
    const occupant = await hostById(ctx.db, input.occupantId);
    if (!occupant) throw fieldError('occupantId', 'err.pass.unitNotFound');
    return {
      unitId: occupant.unitId,
      unitCode: occupant.unitCode,
      occupants: (await occupantsOfUnit(ctx.db, occupant.unitId)).map(toHostMatch),
      arrearsFen: await unitArrearsFen(ctx.db, occupant.unitId, deskTime(ctx.now).format('YYYY-MM')),
    };
  },

  async 'passes:issue'(input, ctx) {
    const { site } = signedIn(ctx);
    // A retried submit (double Ctrl+Enter, a lost response) returns the pass it already issued.
    const earlier = await q.passByRequest(ctx.db, input.requestId);
    if (earlier) return replayIssue(ctx, earlier);
    const occupant = await hostById(ctx.db, input.occupantId);
    if (!occupant) throw fieldError('occupantId', 'err.pass.unitNotFound');
    checkWindow(input, ctx.now);
    const authority = checkAuthority(input, occupant, await occupantsOfUnit(ctx.db, occupant.unitId));
    const arrears = await checkArrears(ctx, input, occupant.unitId);

    // The applicant's number is kept masked with its keyed hash, never in full (PIPL minimum).
    const { idNumber, ...applicant } = input.applicant;
    const settings = await ctx.services.settings();
    const passId = uuidv7();
    const printJobId = uuidv7();
    const raced = await ctx.transact(async (trx, emit) => {
      // Two submits of one request can both pass the check above; inside the transaction only one writes.
      const first = await q.passByRequest(trx, input.requestId);
      if (first) return first;
      const day = deskDayCode(ctx.now);
      const passNo = formatReleasePassNo(site.siteCode, site.deviceCode, day, await nextCounter(trx, 'release_pass', day));
      await emit(
        draft('ReleasePassIssued', {
          passId,
          requestId: input.requestId,
          passNo,
          unit: { unitId: occupant.unitId, unitCode: occupant.unitCode },
          occupant: { occupantId: occupant.occupantId, name: occupant.name, company: occupant.company, role: occupant.role },
          applicant: { ...applicant, ...minimalId(ctx.services.idKeys.current(), idNumber) },
          relation: input.relation,
          authority,
          items: input.items,
          reason: input.reason,
          reasonNote: input.reasonNote,
          wholeUnit: input.wholeUnit,
          carrier: input.carrier,
          plate: input.plate,
          validFrom: new Date(input.validFrom).toISOString(),
          validUntil: new Date(input.validUntil).toISOString(),
          issuedAt: ctx.now.toISOString(),
          arrears,
          note: input.note,
        }),
        // The guard checks goods against paper: every pass prints when issued.
        draft('PrintJobQueued', {
          jobId: printJobId,
          docType: 'release_pass',
          docId: passId,
          layout: settings.releasePassLayout,
          copyNo: 0,
        }),
      );
      return null;
    });
    if (raced) return replayIssue(ctx, raced);
    ctx.services.notify({ kind: 'passes-changed' });
    ctx.services.notify({ kind: 'print-queued', jobId: printJobId });
    return { pass: toReleasePass((await q.passById(ctx.db, passId))!, ctx.now), printJobId };
  },

  async 'passes:cancel'(input, ctx) {
    const pass = await loadPass(ctx, input.passId);
    if (pass.status !== 'issued') throw notOpen(pass, pass.status === 'released' ? 'used' : 'cancelled');
    await ctx.transact(async (trx, emit) => {
      const current = (await q.passById(trx, pass.id))!;
      if (current.status !== 'issued') throw notOpen(current, current.status === 'released' ? 'used' : 'cancelled');
      await emit(draft('ReleasePassCancelled', { passId: pass.id, at: ctx.now.toISOString(), reason: input.reason }));
    });
    ctx.services.notify({ kind: 'passes-changed' });
    return toReleasePass((await q.passById(ctx.db, pass.id))!, ctx.now);
  },

  async 'passes:list'(input, ctx) {
    const now = ctx.now;
    const start = deskDayStart(now);
    const rows = await (() => {
      switch (input.view) {
        case 'today':
          return q.passesForDay(ctx.db, start.toISOString(), deskTime(start).add(1, 'day').toISOString());
        case 'pending':
          return q.pendingPasses(ctx.db, now.toISOString());
        case 'released':
          return q.closedPasses(ctx.db, 'released', deskTime(start).subtract(7, 'day').toISOString());
        case 'cancelled':
          return q.closedPasses(ctx.db, 'cancelled', deskTime(start).subtract(7, 'day').toISOString());
        case 'expired':
          return q.expiredPasses(ctx.db, deskTime(start).subtract(30, 'day').toISOString(), now.toISOString());
      }
    })();
    return rows.map((r) => toReleasePass(r, now));
  },

  async 'passes:search'(input, ctx) {
    const rows = await q.searchPasses(ctx.db, {
      unit: input.unit,
      fromIso: input.from ? deskDayBounds(input.from).fromIso : undefined,
      toIso: input.to ? deskDayBounds(input.to).toIso : undefined,
      limit: input.limit,
    });
    return rows.map((r) => toReleasePass(r, ctx.now));
  },

  /** The gate scans the QR (the pass number) or types it; a visitor slip is told apart from a pass. */
  async 'passes:verify'(input, ctx) {
    const code = input.code.trim().toUpperCase();
    let pass: q.ReleasePassRow | undefined;
    if (parseReleasePassNo(code)) pass = await q.passByNo(ctx.db, code);
    else if (parseVisitorPassNo(code)) throw fieldError('code', 'err.pass.visitorSlip');
    else pass = await q.passById(ctx.db, input.code.trim());
    if (!pass) throw fieldError('code', 'err.pass.unknown');
    return toPassCheck(pass, await q.gateChecksOf(ctx.db, pass.id), ctx.now);
  },

  /** Goods out. Single use; every line's count is recorded, and a difference must be explained. */
  async 'passes:release'(input, ctx) {
    const pass = await loadPass(ctx, input.passId);
    const verdict = passVerdict({ status: pass.status, validFrom: pass.valid_from, validUntil: pass.valid_until }, ctx.now);
    if (verdict !== 'valid') throw notOpen(pass, verdict);
    const declared = (JSON.parse(pass.items) as { quantity: number }[]).map((i) => i.quantity);
    if (input.items.length !== declared.length) throw fieldError('items', 'err.pass.itemLines');
    const released = input.items.map((i) => i.released);
    // As many lines as the pass (checked above); a line the pass lacked would declare nothing.
    const declaredOn = (i: number) => declared[i] ?? 0;
    const over = released.findIndex((n, i) => n > declaredOn(i));
    // More goods than the pass names never leave on it: refuse, and send the applicant to the desk.
    if (over >= 0) throw fieldError(`items.${over}.released`, 'err.pass.moreThanPass');
    if (released.every((n) => n === 0)) throw fieldError('items', 'err.pass.nothingReleased');
    const partial = released.some((n, i) => n < declaredOn(i));
    if (partial && !input.note) throw fieldError('note', 'err.pass.differenceNote');
    await ctx.transact(async (trx, emit) => {
      // Two posts (or a double Enter) can both pass the check above; inside the transaction only one releases.
      const current = (await q.passById(trx, pass.id))!;
      if (current.status !== 'issued') throw notOpen(current, current.status === 'released' ? 'used' : 'cancelled');
      await emit(
        draft('ReleasePassReleased', { passId: pass.id, at: ctx.now.toISOString(), released, partial, note: input.note }),
      );
    });
    ctx.services.notify({ kind: 'passes-changed' });
    return checkOf(ctx, pass.id);
  },

  /** Goods turned back at the gate, with the reason; the pass stays open while its window lasts. */
  async 'passes:refuse'(input, ctx) {
    const pass = await loadPass(ctx, input.passId);
    if (pass.status !== 'issued') throw notOpen(pass, pass.status === 'released' ? 'used' : 'cancelled');
    await ctx.transact(async (_trx, emit) => {
      await emit(draft('ReleasePassRefused', { passId: pass.id, at: ctx.now.toISOString(), reason: input.reason }));
    });
    ctx.services.notify({ kind: 'passes-changed' });
    return checkOf(ctx, pass.id);
  },
};
