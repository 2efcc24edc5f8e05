import { deskTime } from '../../../../shared/domain/deskTime';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { Visit } from '../../../../shared/api/schemas';
import { isOverstay } from '../../../../shared/domain/visits';
import { storedLabel } from '../../i18n/storedText';

export const hostText = (v: Visit) => [v.hostUnitCode, v.hostCompany || v.hostName].filter(Boolean).join(' ');

/** Columns every visit list shares: pass, visitor (masked), party, host, times. */
export function visitColumns(t: TFunction, now: Date): ColumnsType<Visit> {
  return [
    { title: t('visit.passNo'), dataIndex: 'passNo', width: 200, render: (v: string) => <code>{v}</code> },
    {
      title: t('visit.visitor'),
      key: 'visitor',
      // The one column without a width takes what is left; never so little that the name breaks by character.
      minWidth: 150,
      // A check-in always has a name: an empty one is a visit the retention pass anonymised.
      render: (_, v) =>
        v.visitorName === '' ? (
          <Tag data-testid="visit-anonymised">{t('visit.anonymised')}</Tag>
        ) : (
          <span>
            <b>{v.visitorName}</b>
            <br />
            <span style={{ color: '#888', fontSize: 12 }}>
              {v.visitorPhoneMasked} · {v.idNumberMasked}
            </span>
          </span>
        ),
    },
    { title: t('visit.partySize'), dataIndex: 'partySize', width: 70 },
    { title: t('visit.host'), key: 'host', width: 200, render: (_, v) => hostText(v) },
    { title: t('visit.purpose'), dataIndex: 'purpose', width: 110, render: (p: string) => storedLabel('purpose', p) },
    { title: t('visit.timeIn'), dataIndex: 'checkedInAt', width: 130, render: (v: string) => deskTime(v).format('MM-DD HH:mm') },
    {
      title: t('visit.validUntil'),
      dataIndex: 'validUntil',
      width: 150,
      render: (v: string, visit) => (
        <span>
          {deskTime(v).format('HH:mm')}{' '}
          {visit.status === 'on_site' && isOverstay(v, now) && (
            <Tag color="red" data-testid="overstay">
              {t('visit.overstay', { minutes: deskTime(now).diff(v, 'minute') })}
            </Tag>
          )}
        </span>
      ),
    },
  ];
}
