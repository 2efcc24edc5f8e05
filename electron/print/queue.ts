import { claimJob, markJob, queuedJobsOf } from '../../db/queries/print.js';
import { getSiteIdentity } from '../../db/meta.js';
import type { Services } from '../api/context.js';
import { renderJob } from './documents.js';

/**
 * Prints this desk's queued jobs where the process can print by itself (Electron). Each job is
 * claimed before it reaches the printer, so a retry or a second worker never prints it twice;
 * a job interrupted mid-print stays "printing" and is offered for a marked reprint instead.
 */
export async function drainPrintQueue(services: Services): Promise<void> {
  const print = services.printer.print;
  const site = await getSiteIdentity(services.db);
  if (!print || !site) return;
  const settings = await services.settings();
  for (const job of await queuedJobsOf(services.db, site.deviceId)) {
    if (!(await claimJob(services.db, job.id))) continue;
    const started = Date.now();
    const line = { job: job.id, docType: job.doc_type, layout: job.layout, copyNo: job.copy_no };
    try {
      const html = await renderJob(services.db, job, settings.locale, services.clock());
      await print(html, { layout: job.layout, deviceName: job.doc_type === 'visitor_pass' ? settings.visitorPassPrinter : '' });
      await markJob(services.db, job.id, 'printed', services.clock().toISOString());
      services.log.info('print.job', { ...line, outcome: 'printed', ms: Date.now() - started });
    } catch (e) {
      await markJob(services.db, job.id, 'failed', services.clock().toISOString(), String(e));
      services.log.error('print.job', e, { ...line, outcome: 'failed', ms: Date.now() - started });
    }
  }
}
