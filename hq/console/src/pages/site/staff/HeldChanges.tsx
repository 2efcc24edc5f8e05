import { Button, Popconfirm, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { HeldChange } from './staffTypes';
import { heldWhy } from './heldWhy';

/** Words for each kind of held change (the desks' staff events). */
const KINDS = ['StaffCreated', 'StaffUpdated', 'StaffEnabled', 'StaffPinReset', 'StaffPinChanged'];

/**
 * Privileged changes made at a desk, waiting for an HQ administrator: what each would do, by whom at which
 * desk, and why HQ holds it. The admin confirms one (the other desks get it) or refuses it with a reason.
 */
export function HeldChanges(props: {
  held: HeldChange[];
  acts: { confirm(h: HeldChange): void; refuse(h: HeldChange): void } | null;
  busy: string | null;
}) {
  const { t } = useTranslation();
  const { acts } = props;
  return (
    <Table
      data-testid="held-table"
      rowKey="eventId"
      size="small"
      dataSource={props.held}
      pagination={false}
      locale={{ emptyText: t('staff.held.none') }}
      onRow={(h) => ({ 'data-testid': `held-row-${h.who.split(' ')[0]}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('staff.held.change'),
          key: 'change',
          render: (_: unknown, h) =>
            `${t(KINDS.includes(h.type) ? `staff.held.kind.${h.type}` : h.type)} · ${h.who}` +
            (h.role ? ` · ${t(`desk:role.${h.role}`)}` : ''),
        },
        { title: t('staff.held.by'), key: 'by', render: (_: unknown, h) => `${h.by} @ ${h.deviceCode}` },
        { title: t('staff.held.at'), dataIndex: 'heldAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
        { title: t('staff.held.why'), dataIndex: 'why', render: (why: string) => heldWhy(why, t) },
        ...(acts
          ? [
              {
                title: t('staff.col.acts'),
                key: 'acts',
                width: 180,
                render: (_: unknown, h: HeldChange) => (
                  <Space>
                    <Popconfirm
                      title={t('staff.held.confirmQ', { who: h.who })}
                      okText={t('staff.held.confirm')}
                      cancelText={t('staff.cancel')}
                      okButtonProps={{ 'data-testid': 'held-confirm-ok' }}
                      onConfirm={() => acts.confirm(h)}
                    >
                      <Button
                        size="small"
                        type="primary"
                        loading={props.busy === `confirm-${h.eventId}`}
                        data-testid="held-confirm"
                      >
                        {t('staff.held.confirm')}
                      </Button>
                    </Popconfirm>
                    <Button size="small" danger onClick={() => acts.refuse(h)} data-testid="held-refuse">
                      {t('staff.held.refuse')}
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
