import { useState } from 'react';
import { Card, DatePicker, Form, Input, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../stores/nav';
import type { Visit } from '../../../../shared/api/schemas';
import { useDeskQuery, useNow } from '../../api/useDesk';
import { visitColumns } from './visitColumns';

const STATUS_COLOR = { on_site: 'blue', checked_out: 'default', not_returned: 'orange' } as const;

/** Visit history: one box finds name, phone, ID, host, unit, plate or pass number; dates narrow it. */
export function HistoryPage() {
  const { t } = useTranslation();
  const now = useNow();
  const [text, setText] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>([deskTime().subtract(7, 'day'), deskTime()]);
  const input = {
    text,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    limit: 200,
  };
  const { data, loading } = useDeskQuery('visits:search', input, ['visits-changed']);
  return (
    <Card
      title={
        <span>
          {t('nav.history')}
          <span className="kbd">{SHORTCUTS.history}</span>
        </span>
      }
    >
      <Form layout="inline" component="div" style={{ marginBottom: 16, gap: 8 }}>
        <Form.Item label={t('history.search')}>
          <Input.Search
            allowClear
            autoFocus
            placeholder={t('history.searchHint')}
            onSearch={setText}
            style={{ width: 320 }}
            data-testid="history-search"
          />
        </Form.Item>
        <Form.Item label={t('history.dates')}>
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
            allowEmpty={[true, true]}
          />
        </Form.Item>
      </Form>
      <Table<Visit>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          ...visitColumns(t, now),
          {
            title: t('visit.timeOut'),
            dataIndex: 'checkedOutAt',
            width: 120,
            render: (v: string | null) => (v ? deskTime(v).format('MM-DD HH:mm') : ''),
          },
          {
            title: t('visit.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: Visit['status']) => <Tag color={STATUS_COLOR[s]}>{t(`visitStatus.${s}`)}</Tag>,
          },
          { title: t('visit.registeredBy'), dataIndex: 'actorName', width: 100 },
        ]}
      />
    </Card>
  );
}
