import { useState } from 'react';
import { App, Button, Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MailDamage } from '../../../../shared/api/mailSchemas';
import { fmtDateTime } from '../../../../shared/print/format';
import { run, useDeskQuery } from '../../api/useDesk';
import { desk } from '../../api/desk';
import { SupervisorApprovalModal } from '../../forms/SupervisorApprovalModal';
import { DocumentPanel } from '../../print/DocumentPanel';
import { printJobInBrowser } from '../../print/printing';
import { joinNames } from '../../i18n/lists';

/**
 * Damage records awaiting the shift leader (seed 000: valid only once the leader signs). The leader
 * enters their own staff number and PIN; the label then prints and shows here for reprint and PDF.
 */
export function DamageTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDeskQuery('mail:damageList', {}, ['mail-changed']);
  const [confirming, setConfirming] = useState<MailDamage | null>(null);
  const [slip, setSlip] = useState<{ damage: MailDamage; jobId: string } | null>(null);

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 380px', gap: 16 }}>
      <Table<MailDamage>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        data-testid="mail-damage-table"
        pagination={false}
        locale={{ emptyText: t('mail.none') }}
        columns={[
          { title: t('mail.registerNo'), dataIndex: 'registerNo', className: 'mono', width: 160 },
          {
            title: t('mail.damageWhat'),
            key: 'what',
            render: (_, d) => (
              <span>
                {d.correctsId && <Tag color="purple">{t('mail.correction')}</Tag>}
                {d.what} · {joinNames(d.how.map((h) => t(`damageHow.${h}`)))}
                {d.description && <div style={{ color: '#666' }}>{d.description}</div>}
              </span>
            ),
          },
          { title: t('mail.receivedAt'), key: 'at', width: 140, render: (_, d) => fmtDateTime(d.recordedAt) },
          { title: t('mail.receivedBy'), dataIndex: 'receivedByName', width: 90 },
          {
            title: '',
            key: 'actions',
            width: 120,
            render: (_, d) => (
              <Button size="small" type="primary" danger onClick={() => setConfirming(d)} data-testid="mail-damage-confirm">
                {t('mail.confirm')}
              </Button>
            ),
          },
        ]}
      />
      {slip ? (
        <DocumentPanel
          key={slip.jobId}
          title={t('mail.damageSlip')}
          emptyText={t('mail.noSlip')}
          doc={{ docType: 'mail_damage_slip', docId: slip.damage.id, number: slip.damage.registerNo }}
          jobId={slip.jobId}
          testId="mail-slip"
        />
      ) : (
        <DocumentPanel title={t('mail.damageSlip')} emptyText={t('mail.noSlip')} doc={null} jobId={null} testId="mail-slip" />
      )}
      <SupervisorApprovalModal
        open={!!confirming}
        title={t('mail.confirmTitle')}
        okText={t('mail.confirm')}
        reasonLabel={t('mail.confirmReason')}
        fieldPrefix="approval"
        testId="mail-approval"
        submitTestId="mail-approval-submit"
        onCancel={() => setConfirming(null)}
        onApprove={async (approval) => {
          if (!confirming) return null;
          const r = await run('mail:confirmDamage', { damageId: confirming.id, approval });
          if (!r.ok) return r.error;
          setConfirming(null);
          setSlip({ damage: r.value.damage, jobId: r.value.printJobId });
          message.success(t('mail.confirmed'));
          if (desk.mode === 'browser') await printJobInBrowser(r.value.printJobId);
          return null;
        }}
      >
        {confirming && (
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('mail.registerNo')}>{confirming.registerNo}</Descriptions.Item>
            <Descriptions.Item label={t('mail.damageWhat')}>
              {confirming.what} · {joinNames(confirming.how.map((h) => t(`damageHow.${h}`)))}
            </Descriptions.Item>
            <Descriptions.Item label={t('mail.receivedBy')}>{confirming.receivedByName}</Descriptions.Item>
          </Descriptions>
        )}
      </SupervisorApprovalModal>
    </div>
  );
}
