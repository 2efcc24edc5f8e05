import { DatePicker, Divider, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonalDataReadRow } from '../../../../shared/api/privacySchemas';
import { fmtDateTime } from '../../../../shared/print/format';
import { useDeskQuery } from '../../api/useDesk';
import { useDayRange } from '../../lists/useDayRange';

/**
 * 个人信息访问记录: who read which personal data, when and why — the audit records of every desk of the
 * site. Shown to a manager only (the backend refuses anyone else).
 */
export function PersonalDataReadsSection() {
  const { t } = useTranslation();
  const days = useDayRange();
  // An erasure here (it tells the visits changed) or other desks' records pulled: the list reads again.
  const { data } = useDeskQuery('privacy:reads', { from: days.from, to: days.to }, ['visits-changed', 'sync-changed']);
  // What was read, in words: a revealed phone names the unit, an evacuation roll is a document.
  const what = (r: PersonalDataReadRow) =>
    r.what === 'visitor_list'
      ? t(`settings.privacyReads.doc.${r.label}`)
      : `${t(`settings.privacyReads.what.${r.what}`)} · ${r.label}`;
  return (
    <div data-testid="privacy-reads">
      <Divider titlePlacement="start">{t('settings.privacyReads.title')}</Divider>
      <Space style={{ marginBottom: 12 }}>
        <span>{t('settings.privacyReads.hint')}</span>
        <DatePicker.RangePicker value={days.range} onChange={days.setRange} data-testid="privacy-range" />
      </Space>
      <Table<PersonalDataReadRow>
        size="small"
        rowKey="id"
        dataSource={data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('settings.privacyReads.none') }}
        columns={[
          { title: t('settings.privacyReads.at'), key: 'at', width: 150, render: (_, r) => fmtDateTime(r.at) },
          {
            title: t('settings.privacyReads.who'),
            key: 'who',
            width: 130,
            render: (_, r) => `${r.staffName} ${r.staffNo}`.trim(),
          },
          { title: t('settings.privacyReads.whatCol'), key: 'what', render: (_, r) => what(r) },
          {
            title: t('settings.privacyReads.why'),
            key: 'why',
            render: (_, r) => r.why || t(`settings.privacyReads.purpose.${r.what}`),
          },
        ]}
      />
    </div>
  );
}
