import { useState } from 'react';
import { Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketIdentity } from '../../../../shared/api/privacySchemas';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { useSession } from '../../stores/session';

/**
 * The customer cell of an anonymous complaint. Everyone reads 匿名; a manager may open who it was by
 * giving a reason, which the backend records before it answers (设置 → 个人信息访问记录).
 */
export function AnonymousIdentity(props: { ticketId: string }) {
  const { t } = useTranslation();
  const manager = useSession((s) => roleAtLeast(s.session?.staff.role ?? 'receptionist', 'manager'));
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [identity, setIdentity] = useState<TicketIdentity | null>(null);

  if (identity)
    return (
      <span data-testid="ticket-identity">
        {[identity.unitCode, identity.company, identity.name, identity.phoneMasked].filter(Boolean).join(' · ')}
      </span>
    );
  const open = async () => {
    const r = await run('tickets:identity', { ticketId: props.ticketId, reason });
    if (r.ok) setIdentity(r.value);
    else setError(r.error.issues?.[0]?.message ?? r.error.message);
  };
  return (
    <Space direction="vertical" size={4}>
      <span>{t('ticket.anonymousShort')}</span>
      {manager && !asking && (
        <Button size="small" onClick={() => setAsking(true)} data-testid="ticket-identity-open">
          {t('ticket.identityOpen')}
        </Button>
      )}
      {asking && (
        <Space.Compact>
          <Input
            autoFocus
            size="small"
            value={reason}
            status={error ? 'error' : undefined}
            placeholder={t('ticket.identityReason')}
            onChange={(e) => setReason(e.target.value)}
            onPressEnter={() => void open()}
            data-testid="ticket-identity-reason"
          />
          <Button size="small" type="primary" onClick={() => void open()} data-testid="ticket-identity-confirm">
            {t('ticket.identityConfirm')}
          </Button>
        </Space.Compact>
      )}
      {error && (
        <span className="ant-form-item-explain-error" data-testid="ticket-identity-reason-error">
          {tError(error)}
        </span>
      )}
    </Space>
  );
}
