import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PrintJobRow } from '../../db/queries/print.js';
import type { SiteIdentity } from '../../db/meta.js';
import { ticketById, stepsOf } from '../../db/queries/tickets.js';
import { ApiFailure } from '../../shared/api/result.js';
import { maskPhone } from '../../shared/domain/mask.js';
import { noticeFor } from '../../shared/domain/ticketClassifier.js';
import { loadSettings } from '../api/handlers/settings.js';
import type { PrintLocale } from '../../shared/i18n/print.js';
import { renderWorkOrder } from '../../shared/print/workOrder.js';
import { renderTicketNotice } from '../../shared/print/ticketNotice.js';
import type { Severity, TicketKind, Urgency } from '../../shared/domain/tickets.js';

/**
 * The work order and the one-time notification of a ticket. The work order never carries an
 * anonymous complainant's identity, and shows the phone masked unless the dispatch asked for it.
 */
export async function renderTicketDocument(
  db: Kysely<Database>,
  site: SiteIdentity,
  job: PrintJobRow,
  locale: PrintLocale,
): Promise<string> {
  const t = await ticketById(db, job.doc_id);
  if (!t) throw new ApiFailure('not_found', 'err.notFound');
  if (job.doc_type === 'ticket_notice') {
    // The notification template comes from the tree in force (a removed category has none to read out).
    const notice = noticeFor((await loadSettings(db)).classifier, t.category, t.problem);
    if (!notice) throw new ApiFailure('not_found', 'err.notFound');
    return renderTicketNotice(
      {
        siteName: site.siteName,
        ticketNo: t.ticket_no,
        category: t.label,
        notice,
        openedAt: t.opened_at,
        receiver: t.receiver_name,
        copyNo: job.copy_no,
      },
      job.layout,
      locale,
    );
  }
  const dispatch = (await stepsOf(db, t.id)).filter((s) => s.sort === 'dispatch' && s.flagged === 0).pop();
  const detail = dispatch ? (JSON.parse(dispatch.detail) as { department: string; assignee: string; showPhone?: boolean }) : null;
  const phone = t.customer_phone ? (detail?.showPhone ? t.customer_phone : maskPhone(t.customer_phone)) : '';
  return renderWorkOrder(
    {
      siteName: site.siteName,
      ticketNo: t.ticket_no,
      kind: t.kind as TicketKind,
      urgency: t.urgency as Urgency | null,
      severity: t.severity as Severity | null,
      contact: t.anonymous ? null : { unit: [t.unit_code, t.company].filter(Boolean).join(' '), name: t.customer_name, phone },
      problem: t.label,
      description: t.description,
      location: t.location,
      convenientTime: t.convenient_time,
      paid: t.paid === 1,
      chargeFen: t.charge_fen,
      department: detail?.department ?? '',
      assignee: detail?.assignee ?? '',
      dispatchedAt: dispatch?.at ?? t.opened_at,
      receiver: t.receiver_name,
      copyNo: job.copy_no,
    },
    job.layout,
    locale,
  );
}
