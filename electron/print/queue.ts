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
    try {
      const html = await renderJob(services.db, job, settings.locale, services.clock());
      await print(html, { layout: job.layout, deviceName: job.doc_type === 'visitor_pass' ? settings.visitorPassPrinter : '' });
      await markJob(services.db, job.id, 'printed', services.clock().toISOString());
    } catch (e) {
      await markJob(services.db, job.id, 'failed', services.clock().toISOString(), String(e));
    }
  }
}
