import type { ReactNode } from 'react';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { rowTestId } from '../../lists/rowTestId';
import type { PinLockout, StaffSummary } from '../../../../shared/api/schemas';
import { LockTag } from './LockTag';

/** The site's staff, one row each; `actions` renders a row's buttons (nothing for people out of reach). */
export function StaffTable(props: {
  staff: StaffSummary[];
  /** Accounts locked at this desk now (empty below shift leader, who may not see them). */
  locks: PinLockout[];
  actions: (s: StaffSummary) => ReactNode;
}) {
  const { t } = useTranslation();
  const lockOf = new Map(props.locks.map((l) => [l.staffId, l]));
  return (
    <Table<StaffSummary>
      rowKey="id"
      dataSource={props.staff}
      pagination={false}
      onRow={(s) => rowTestId(`staff-row-${s.staffNo}`)}
      columns={[
        { title: t('staff.staffNo'), dataIndex: 'staffNo' },
        { title: t('staff.name'), dataIndex: 'name' },
        { title: t('staff.role'), dataIndex: 'role', render: (r: StaffSummary['role']) => <Tag>{t(`role.${r}`)}</Tag> },
        {
          title: t('staff.status'),
          key: 'status',
          render: (_: unknown, s: StaffSummary) => {
            const lock = lockOf.get(s.id);
            return (
              <>
                {s.active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag color="red">{t('staff.disabled')}</Tag>}
                {lock && <LockTag lock={lock} />}
              </>
            );
          },
        },
        { key: 'actions', render: (_: unknown, s: StaffSummary) => props.actions(s) },
      ]}
    />
  );
}
