import { useState } from 'react';
import { App, Card, Col, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../../shared/api/schemas';
import { mayManageRole, roleAtLeast } from '../../../../shared/domain/staff';
import { useDeskQuery } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { AddStaffCard } from './AddStaffCard';
import { ChangePinCard } from './ChangePinCard';
import { EditStaffModal } from './EditStaffModal';
import { ResetPinModal } from './ResetPinModal';
import { StaffActions } from './StaffActions';

/**
 * Staff of this site: everyone sees the list and changes their own PIN; the admin adds people; an
 * admin (anyone) or a manager (people up to shift leader) edits, disables, enables and resets PINs.
 */
export function StaffPage() {
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
          <Table<StaffSummary>
            rowKey="id"
            dataSource={list.data ?? []}
            pagination={false}
            onRow={(s) => ({ 'data-testid': `staff-row-${s.staffNo}` }) as never}
            columns={[
              { title: t('staff.staffNo'), dataIndex: 'staffNo' },
              { title: t('staff.name'), dataIndex: 'name' },
              { title: t('staff.role'), dataIndex: 'role', render: (r: StaffSummary['role']) => <Tag>{t(`role.${r}`)}</Tag> },
              {
                title: t('staff.status'),
                dataIndex: 'active',
                render: (active: boolean) =>
                  active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag color="red">{t('staff.disabled')}</Tag>,
              },
              {
                key: 'actions',
                render: (_: unknown, s: StaffSummary) =>
                  manages(s) && (
                    <StaffActions
                      staff={s}
                      isMe={s.id === me?.id}
                      onEdit={() => setEditing(s)}
                      onResetPin={() => setResetting(s)}
                      onChanged={list.reload}
                    />
                  ),
              },
            ]}
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
