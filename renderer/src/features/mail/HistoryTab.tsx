import { useState } from 'react';
import { DatePicker, Form, Input, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import type { MailItem } from '../../../../shared/api/mailSchemas';
import { useDeskQuery } from '../../api/useDesk';
import { mailColumns } from './mailColumns';

/** The register searched by tracking number, unit and date; a lost-mail complaint reads the last signer here. */
export function HistoryTab() {
  const { t } = useTranslation();
  const [trackingNo, setTrackingNo] = useState('');
  const [unit, setUnit] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>([deskTime().subtract(30, 'day'), deskTime()]);
  const found = useDeskQuery(
    'mail:search',
    { trackingNo, unit, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), limit: 200 },
    ['mail-changed'],
  );
  return (
    <div>
      <Form layout="inline" component="div" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('mail.trackingNo')}>
          <Input.Search
            allowClear
            autoFocus
            onSearch={setTrackingNo}
            style={{ width: 220 }}
            data-testid="mail-history-tracking"
          />
        </Form.Item>
        <Form.Item label={t('mail.unit')}>
          <Input.Search allowClear onSearch={setUnit} style={{ width: 160 }} data-testid="mail-history-unit" />
        </Form.Item>
        <Form.Item>
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
            allowEmpty={[true, true]}
          />
        </Form.Item>
      </Form>
      <Table<MailItem>
        rowKey="id"
        size="middle"
        loading={found.loading}
        dataSource={found.data ?? []}
        data-testid="mail-history-table"
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('mail.none') }}
        columns={mailColumns(t)}
      />
    </div>
  );
}
