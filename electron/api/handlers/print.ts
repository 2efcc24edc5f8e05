import { ticketById } from '../../../db/queries/tickets.js';
import { damageById, itemById } from '../../../db/queries/mail.js';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import type { PrintJob } from '../../../shared/api/schemas.js';
import { draft } from '../../../db/events.js';
import { markJob, printCount, printJobById, recentJobs, type PrintJobRow } from '../../../db/queries/print.js';
import { visitById } from '../../../db/queries/visits.js';
import { shiftById } from '../../../db/queries/shifts.js';
import { passById } from '../../../db/queries/releasePasses.js';
import { renderJob } from '../../print/documents.js';
import { demandLetterData, demandLetterDocId } from '../../print/feeDocuments.js';
import { receiptById } from '../../../db/queries/fees.js';
import { drainPrintQueue } from '../../print/queue.js';
import { signedIn, type HandlerMap } from '../context.js';
import { readRecord } from './privacy.js';

const toJob = (r: PrintJobRow): PrintJob => ({
  id: r.id,
  docType: r.doc_type,
  docId: r.doc_id,
  layout: r.layout,
  copyNo: r.copy_no,
  status: r.status,
  createdAt: r.created_at,
});

export const printHandlers: Pick<
  HandlerMap,
  'print:request' | 'print:html' | 'print:markPrinted' | 'print:pdf' | 'print:recent'
> = {
  /** Queues a print. The job id comes from the caller: asking twice with one id prints once. */
  async 'print:request'(request, ctx) {
    // A demand letter is the letter of a day (unit@date): a new date is a new document, not a reprint.
    const input =
      request.docType === 'demand_letter' ? { ...request, docId: demandLetterDocId(request.docId, ctx.now) ?? '' } : request;
    const existing = await printJobById(ctx.db, input.jobId);
    if (existing) return toJob(existing);
    if (input.docType === 'visitor_pass' && !(await visitById(ctx.db, input.docId))) throw fieldError('docId', 'err.notFound');
    // A handover sheet prints once its shift is closed: before that it is a preview, not a record.
    if (input.docType === 'handover_sheet' && !(await shiftById(ctx.db, input.docId))?.closed_at)
      throw fieldError('docId', 'err.notFound');
    if (input.docType === 'release_pass' && !(await passById(ctx.db, input.docId))) throw fieldError('docId', 'err.notFound');
    if (input.docType === 'receipt' && !(await receiptById(ctx.db, input.docId))) throw fieldError('docId', 'err.notFound');
    if (input.docType === 'daily_report' && !/^\d{4}-\d{2}-\d{2}$/.test(input.docId)) throw fieldError('docId', 'err.notFound');
    // A demand letter is for a unit with overdue fees; one that owes nothing has no letter to print.
    if (input.docType === 'demand_letter' && !(await demandLetterData(ctx.db, input.docId, ctx.now)))
      throw fieldError('docId', 'err.fee.noArrears');
    if ((input.docType === 'work_order' || input.docType === 'ticket_notice') && !(await ticketById(ctx.db, input.docId)))
      throw fieldError('docId', 'err.notFound');
    // A damage slip exists only once the shift leader confirmed the record.
    if (input.docType === 'mail_damage_slip' && !(await damageById(ctx.db, input.docId))?.confirmed_at)
      throw fieldError('docId', 'err.mail.damageUnconfirmed');
    if (input.docType === 'mail_pickup_slip' && !(await itemById(ctx.db, input.docId))) throw fieldError('docId', 'err.notFound');
    await ctx.transact(async (trx, emit) => {
      // Two requests with one job id can both pass the check above; inside the transaction only one queues it.
      if (await printJobById(trx, input.jobId)) return;
      const copyNo = await printCount(trx, input.docType, input.docId);
      await emit(
        draft('PrintJobQueued', { jobId: input.jobId, docType: input.docType, docId: input.docId, layout: input.layout, copyNo }),
        // The roll of everyone on site is a visitor list leaving the screen: audited (its purpose is fixed).
        ...(input.docType === 'onsite_roll'
          ? [draft('PersonalDataRead', readRecord(ctx, 'visitor_list', input.jobId, 'onsite_roll', ''))]
          : []),
      );
    });
    ctx.services.log.info('print.queued', { job: input.jobId, docType: input.docType, layout: input.layout });
    ctx.services.notify({ kind: 'print-queued', jobId: input.jobId });
    void drainPrintQueue(ctx.services);
    return toJob((await printJobById(ctx.db, input.jobId))!);
  },

  async 'print:html'(input, ctx) {
    const job = await printJobById(ctx.db, input.jobId);
    if (!job) throw fieldError('jobId', 'err.notFound');
    const settings = await ctx.services.settings();
    return { html: await renderJob(ctx.db, job, settings.locale, ctx.now), job: toJob(job) };
  },

  async 'print:markPrinted'(input, ctx) {
    const job = await printJobById(ctx.db, input.jobId);
    if (!job) throw fieldError('jobId', 'err.notFound');
    if (job.status !== 'printed') await markJob(ctx.db, job.id, 'printed', ctx.now.toISOString());
    // The browser printed it (desk server): the line the Electron queue writes itself.
    if (job.status !== 'printed')
      ctx.services.log.info('print.job', { job: job.id, docType: job.doc_type, outcome: 'printed', by: 'browser' });
    return null;
  },

  async 'print:pdf'(input, ctx) {
    const job = await printJobById(ctx.db, input.jobId);
    if (!job) throw fieldError('jobId', 'err.notFound');
    const settings = await ctx.services.settings();
    const html = await renderJob(ctx.db, job, settings.locale, ctx.now);
    const pdf = await ctx.services.printer.pdf(html, job.layout).catch((e: unknown) => {
      if (e instanceof ApiFailure) throw e;
      throw new ApiFailure('unavailable', 'err.pdf.failed', undefined, { reason: String(e) });
    });
    return {
      fileName: `${job.doc_type}-${job.doc_id}${job.copy_no ? `-${job.copy_no}` : ''}.pdf`,
      base64: pdf.toString('base64'),
    };
  },

  async 'print:recent'(_input, ctx) {
    const { site } = signedIn(ctx);
    return (await recentJobs(ctx.db, site.deviceId)).map(toJob);
  },
};
