import { deskTime } from '../../../../shared/domain/deskTime';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { ReleasePass } from '../../../../shared/api/releasePassSchemas';
import type { PassVerdict } from '../../../../shared/domain/releasePass';
import { joinNames } from '../../i18n/lists';

export const VERDICT_COLOR: Record<PassVerdict, string> = {
  valid: 'green',
  not_yet_valid: 'blue',
  expired: 'red',
  used: 'default',
  cancelled: 'red',
};

/** Columns every pass list shares: number, unit, applicant (masked), goods, window, state. */
export function passColumns(t: TFunction): ColumnsType<ReleasePass> {
  return [
    { title: t('pass.passNo'), dataIndex: 'passNo', width: 190, render: (v: string) => <code>{v}</code> },
    { title: t('pass.unit'), key: 'unit', width: 150, render: (_, p) => [p.unitCode, p.company].filter(Boolean).join(' ') },
    {
      title: t('pass.applicant'),
      key: 'applicant',
      render: (_, p) => (
        <span>
          <b>{p.applicantName}</b> <Tag bordered={false}>{t(`passRelation.${p.relation}`)}</Tag>
          <br />
          <span style={{ color: '#888', fontSize: 12 }}>
            {p.applicantPhoneMasked} · {p.idNumberMasked}
          </span>
        </span>
      ),
    },
    {
      title: t('pass.items'),
      key: 'items',
      render: (_, p) =>
        `${joinNames(p.items.slice(0, 3).map((i) => `${i.description}×${i.quantity}`))}${p.items.length > 3 ? ' …' : ''}`,
    },
    {
      title: t('pass.window'),
      key: 'window',
      width: 190,
      render: (_, p) => `${deskTime(p.validFrom).format('MM-DD HH:mm')} — ${deskTime(p.validUntil).format('HH:mm')}`,
    },
    {
      title: t('visit.status'),
      key: 'verdict',
      width: 120,
      render: (_, p) => (
        <Tag color={VERDICT_COLOR[p.verdict]} data-testid="pass-verdict">
          {t(`gate.verdict.${p.verdict}`)}
          {p.releasePartial ? ` · ${t('gate.partial')}` : ''}
        </Tag>
      ),
    },
    { title: t('pass.issuedBy'), dataIndex: 'issuedByName', width: 90 },
  ];
}
