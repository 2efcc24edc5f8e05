import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { ColumnsType } from 'antd/es/table';
import type { MailItem } from '../../../../shared/api/mailSchemas';
import { fmtDateTime } from '../../../../shared/print/format';
import { storedLabel } from '../../i18n/storedText';

/** The register's columns, shared by every mail list. */
export function mailColumns(t: TFunction): ColumnsType<MailItem> {
  return [
    { title: t('mail.unit'), dataIndex: 'unitCode', width: 110 },
    {
      title: t('mail.recipient'),
      key: 'recipient',
      width: 160,
      render: (_, m) => [...new Set([m.company, m.recipientName].filter(Boolean))].join(' · '),
    },
    {
      title: t('mail.trackingNo'),
      key: 'tracking',
      render: (_, m) => (
        <span>
          <span className="mono" data-testid="mail-tracking">
            {m.trackingNo}
          </span>{' '}
          <Tag>{t(`mailKind.${m.kind}`)}</Tag>
          {m.condition === 'damaged' && <Tag color="red">{t('mail.damaged')}</Tag>}
        </span>
      ),
    },
    { title: t('mail.carrier'), dataIndex: 'carrier', width: 90, render: (c: string) => storedLabel('mail.carriers', c) },
    { title: t('mail.location'), dataIndex: 'location', width: 90 },
    { title: t('mail.receivedAt'), key: 'at', width: 140, render: (_, m) => fmtDateTime(m.receivedAt) },
    {
      title: t('mail.age'),
      key: 'age',
      width: 80,
      render: (_, m) => (
        <span>
          {t('mail.days', { n: m.daysWaiting })}
          {m.returnDue && (
            <Tag color="orange" style={{ marginLeft: 4 }}>
              {t('mail.returnDue')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('mail.status'),
      key: 'status',
      width: 150,
      render: (_, m) =>
        m.status === 'on_shelf' ? (
          <span>
            {t('mailStatus.on_shelf')}
            {m.noticeDue && (
              <Tag color="gold" style={{ marginLeft: 4 }}>
                {t('mail.noticeDue')}
              </Tag>
            )}
          </span>
        ) : (
          <span data-testid="mail-closed">
            {t(`mailStatus.${m.status}`)} {m.lastSigner && <b data-testid="mail-last-signer">{m.lastSigner}</b>}{' '}
            <span style={{ color: '#888' }}>{fmtDateTime(m.closedAt)}</span>
          </span>
        ),
    },
    { title: t('mail.registerNo'), dataIndex: 'registerNo', width: 170, className: 'mono' },
  ];
}
