import { useState } from 'react';
import { Alert, App, Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PinLockout, StaffSummary } from '../../../../shared/api/schemas';
import { mayManageRole, roleAtLeast } from '../../../../shared/domain/staff';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useDeskQuery } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { AddStaffCard } from './AddStaffCard';
import { ChangePinCard } from './ChangePinCard';
import { EditStaffModal } from './EditStaffModal';
import { ResetPinModal } from './ResetPinModal';
import { StaffActions } from './StaffActions';
import { StaffTable } from './StaffTable';
import { usePinLockouts } from './usePinLockouts';

interface Lockouts {
  accounts: PinLockout[];
  deskLimitUntil: string | null;
}

const NO_LOCKOUTS: Lockouts = { accounts: [], deskLimitUntil: null };

/**
 * Staff of this site: everyone sees the list and changes their own PIN; the admin adds people; an
 * admin (anyone) or a manager (people up to shift leader) edits, disables, enables and resets PINs.
 * Shift leaders and up also see who is locked out after wrong PINs (others are not asked for it).
 */
export function StaffPage() {
  const role = useSession((s) => s.session?.staff.role) ?? 'receptionist';
  return roleAtLeast(role, 'shift_leader') ? <WithLockouts /> : <StaffPageBody lockouts={NO_LOCKOUTS} />;
}

function WithLockouts() {
  return <StaffPageBody lockouts={usePinLockouts()} />;
}

function StaffPageBody({ lockouts }: { lockouts: Lockouts }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession((s) => s.session?.staff);
  const role = me?.role ?? 'receptionist';
  const list = useDeskQuery('staff:list', undefined);
  const [editing, setEditing] = useState<StaffSummary | null>(null);
  const [resetting, setResetting] = useState<StaffSummary | null>(null);
  const manages = (s: StaffSummary) => roleAtLeast(role, 'manager') && mayManageRole(role, s.role);
  const done = (text: string) => {
    setEditing(null);
    setResetting(null);
    list.reload();
    message.success(text);
  };
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Card title={t('nav.staff')}>
          {lockouts.deskLimitUntil && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="desk-pin-limit"
              message={t('staff.deskPinLimit', { time: deskTime(lockouts.deskLimitUntil).format('HH:mm') })}
            />
          )}
          <StaffTable
            staff={list.data ?? []}
            locks={lockouts.accounts}
            actions={(s) =>
              manages(s) && (
                <StaffActions
                  staff={s}
                  isMe={s.id === me?.id}
                  onEdit={() => setEditing(s)}
                  onResetPin={() => setResetting(s)}
                  onChanged={list.reload}
                />
              )
            }
          />
        </Card>
      </Col>
      <Col span={10}>
        {roleAtLeast(role, 'admin') && <AddStaffCard onAdded={list.reload} />}
        <ChangePinCard />
      </Col>
      {editing && (
        <EditStaffModal
          staff={editing}
          myRole={role}
          onDone={(saved) => done(t('staff.saved', { name: saved.name }))}
          onClose={() => setEditing(null)}
        />
      )}
      {resetting && (
        <ResetPinModal
          staff={resetting}
          onDone={() => done(t('staff.pinReset', { name: resetting.name }))}
          onClose={() => setResetting(null)}
        />
      )}
    </Row>
  );
}
