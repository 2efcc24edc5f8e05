import { useState } from 'react';
import { Alert, Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../../shared/api/ticketSchemas';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { fmtYuan } from '../../../../shared/print/format';
import { run, useDeskQuery } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { tError } from '../../i18n';

/**
 * A paid repair's agreed charge becomes a fee line of the unit in one step (shift leader up), once;
 * afterwards the drawer shows that line and whether it is paid.
 */
export function TicketChargeSection(props: { ticket: TicketView }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  const { data, reload } = useDeskQuery('fees:ticketCharge', { ticketId: props.ticket.id }, ['fees-changed', 'tickets-changed']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!data) return null;
  const charge = async () => {
    setBusy(true);
    setError(null);
    const r = await run('fees:chargeTicket', { ticketId: props.ticket.id });
    setBusy(false);
    if (!r.ok) setError(tError(r.error.issues?.[0]?.message ?? r.error.message));
    reload();
  };
  const c = data.charge;
  return (
    <div style={{ marginTop: 12 }} data-testid="ticket-charge">
      <h4>{t('ticket.feeLine')}</h4>
      {c ? (
        <Space data-testid="ticket-charge-line">
          <span>{t('ticket.feeLineMade', { unit: c.unitCode, period: c.period, amount: fmtYuan(c.amountFen) })}</span>
          {c.paidReceiptNo ? (
            <Tag color="green">{t('ticket.feeLinePaid', { receiptNo: c.paidReceiptNo })}</Tag>
          ) : (
            <Tag color="orange">{t('ticket.feeLineDue')}</Tag>
          )}
        </Space>
      ) : data.blocked ? (
        <span style={{ color: '#888' }} data-testid="ticket-charge-blocked">
          {tError(data.blocked)}
        </span>
      ) : roleAtLeast(role, 'shift_leader') ? (
        <Button type="primary" loading={busy} onClick={() => void charge()} data-testid="ticket-charge-make">
          {t('ticket.feeLineMake', { amount: fmtYuan(props.ticket.chargeFen) })}
        </Button>
      ) : (
        <span style={{ color: '#888' }}>{t('ticket.feeLineLeaderOnly')}</span>
      )}
      {error && <Alert type="error" style={{ marginTop: 8 }} message={error} data-testid="ticket-charge-error" />}
    </div>
  );
}
