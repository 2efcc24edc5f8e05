import { useState } from 'react';
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketIdentity } from '../../../../shared/api/privacySchemas';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { run } from '../../api/useDesk';
import { ReasonedRead } from '../../forms/ReasonedRead';
import { useSession } from '../../stores/session';

/**
 * The customer cell of an anonymous complaint. Everyone reads 匿名; a manager may open who it was by
 * giving a reason, which the backend records before it answers (设置 → 个人信息访问记录).
 */
export function AnonymousIdentity(props: { ticketId: string }) {
  const { t } = useTranslation();
  const manager = useSession((s) => roleAtLeast(s.session?.staff.role ?? 'receptionist', 'manager'));
  const [identity, setIdentity] = useState<TicketIdentity | null>(null);
  if (identity)
    return (
      <span data-testid="ticket-identity">
        {[identity.unitCode, identity.company, identity.name, identity.phoneMasked].filter(Boolean).join(' · ')}
      </span>
    );
  return (
    <Space direction="vertical" size={4}>
      <span>{t('ticket.anonymousShort')}</span>
      {manager && (
        <ReasonedRead
          openLabel={t('ticket.identityOpen')}
          reasonLabel={t('ticket.identityReason')}
          confirmLabel={t('ticket.identityConfirm')}
          testId="ticket-identity"
          read={async (reason) => {
            const r = await run('tickets:identity', { ticketId: props.ticketId, reason });
            if (!r.ok) return r.error;
            setIdentity(r.value);
            return null;
          }}
        />
      )}
    </Space>
  );
}
