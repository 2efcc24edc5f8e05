import { Button, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../../../shared/domain/staff';
import type { SiteStaff } from './staffTypes';

interface Acts {
  setRole(s: SiteStaff, role: Role): void;
  setActive(s: SiteStaff, active: boolean): void;
  resetPin(s: SiteStaff): void;
}

/** The site's desk staff as HQ knows them from the desks' accepted changes; the HQ admin's acts on each row. */
export function StaffTable(props: { staff: SiteStaff[]; loading: boolean; acts: Acts | null; busy: string | null }) {
  const { t } = useTranslation();
  const { acts, busy } = props;
  const roleName = (r: Role) => t(`desk:role.${r}`);
  return (
    <Table
      data-testid="staff-table"
      rowKey="staffId"
      size="middle"
      loading={props.loading}
      dataSource={props.staff}
      pagination={false}
      onRow={(s) => ({ 'data-testid': `staff-row-${s.staffNo}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('staff.col.staffNo'), dataIndex: 'staffNo', width: 110 },
        { title: t('staff.col.name'), dataIndex: 'name' },
        {
          title: t('staff.col.role'),
          dataIndex: 'role',
          width: 170,
          render: (r: Role, s) =>
            acts ? (
              <Select
                value={r}
                style={{ width: 150 }}
                disabled={!!busy}
                data-testid={`staff-role-${s.staffNo}`}
                options={ROLES.map((x) => ({ value: x, label: roleName(x) }))}
                onChange={(role: Role) => acts.setRole(s, role)}
              />
            ) : (
              roleName(r)
            ),
        },
        {
          title: t('staff.col.enabled'),
          dataIndex: 'active',
          width: 100,
          render: (active: boolean, s) => (
            <Tag color={active ? 'green' : 'default'} data-testid={`staff-active-${s.staffNo}`}>
              {t(active ? 'staff.enabled' : 'staff.disabled')}
            </Tag>
          ),
        },
        {
          title: t('staff.col.locked'),
          dataIndex: 'mustChangePin',
          width: 170,
          render: (must: boolean, s) =>
            must ? (
              <Tag color="orange" data-testid={`staff-pin-${s.staffNo}`}>
                {t('staff.mustChangePin')}
              </Tag>
            ) : (
              <span data-testid={`staff-pin-${s.staffNo}`}>{t('staff.pinOwn')}</span>
            ),
        },
        ...(acts
          ? [
              {
                title: t('staff.col.acts'),
                key: 'acts',
                width: 220,
                render: (_: unknown, s: SiteStaff) => (
                  <Space>
                    <Popconfirm
                      title={t(s.active ? 'staff.disableConfirm' : 'staff.enableConfirm', { name: `${s.staffNo} ${s.name}` })}
                      okText={t(s.active ? 'staff.disable' : 'staff.enable')}
                      cancelText={t('staff.cancel')}
                      okButtonProps={{ 'data-testid': 'staff-active-ok' }}
                      onConfirm={() => acts.setActive(s, !s.active)}
                    >
                      <Button
                        size="small"
                        danger={s.active}
                        loading={busy === `active-${s.staffNo}`}
                        data-testid={`staff-toggle-${s.staffNo}`}
                      >
                        {t(s.active ? 'staff.disable' : 'staff.enable')}
                      </Button>
                    </Popconfirm>
                    <Button size="small" onClick={() => acts.resetPin(s)} data-testid={`staff-reset-${s.staffNo}`}>
                      {t('staff.resetPin')}
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
