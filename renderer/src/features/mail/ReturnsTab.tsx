import { useState } from 'react';
import { App, Button, Descriptions, Divider, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MailItem } from '../../../../shared/api/mailSchemas';
import { fmtDateTime } from '../../../../shared/print/format';
import { run, useDeskQuery } from '../../api/useDesk';
import { SupervisorApprovalModal } from '../../forms/SupervisorApprovalModal';
import { mailColumns } from './mailColumns';

/** Unclaimed past the configured days → the supervisor reviews → the return register (退件) with its date. */
export function ReturnsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const due = useDeskQuery('mail:list', { view: 'returnsDue' }, ['mail-changed']);
  const returned = useDeskQuery('mail:list', { view: 'returned' }, ['mail-changed']);
  const [reviewing, setReviewing] = useState<MailItem | null>(null);
  const columns = mailColumns(t).filter((c) => c.key !== 'status');

  return (
    <div>
      <Table<MailItem>
        rowKey="id"
        size="middle"
        loading={due.loading}
        dataSource={due.data ?? []}
        data-testid="mail-returns-due"
        pagination={false}
        locale={{ emptyText: t('mail.none') }}
        columns={[
          ...columns,
          {
            title: '',
            key: 'actions',
            width: 90,
            render: (_, m) => (
              <Button size="small" danger onClick={() => setReviewing(m)} data-testid="mail-return">
                {t('mail.return')}
              </Button>
            ),
          },
        ]}
      />
      <Divider titlePlacement="start">{t('mail.returnedRegister')}</Divider>
      <Table<MailItem>
        rowKey="id"
        size="small"
        loading={returned.loading}
        dataSource={returned.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('mail.none') }}
        columns={[
          ...columns.filter((c) => c.key !== 'age'),
          { title: t('mail.returnedAt'), key: 'closed', width: 140, render: (_, m) => fmtDateTime(m.closedAt) },
        ]}
      />
      <SupervisorApprovalModal
        open={!!reviewing}
        title={t('mail.returnTitle')}
        okText={t('mail.return')}
        reasonLabel={t('mail.returnReason')}
        fieldPrefix="approval"
        testId="mail-return-approval"
        submitTestId="mail-return-submit"
        onCancel={() => setReviewing(null)}
        onApprove={async (approval) => {
          if (!reviewing) return null;
          const r = await run('mail:return', { itemId: reviewing.id, approval });
          if (!r.ok) return r.error;
          setReviewing(null);
          message.success(t('mail.returnedOk'));
          return null;
        }}
      >
        {reviewing && (
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('mail.trackingNo')}>{reviewing.trackingNo}</Descriptions.Item>
            <Descriptions.Item label={t('mail.recipient')}>
              {reviewing.unitCode} {reviewing.recipientName}
            </Descriptions.Item>
            <Descriptions.Item label={t('mail.age')}>{t('mail.days', { n: reviewing.daysWaiting })}</Descriptions.Item>
          </Descriptions>
        )}
      </SupervisorApprovalModal>
    </div>
  );
}
