import { useState } from 'react';
import { Alert, AutoComplete, Button, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ConsoleInput, ConsoleOutput } from '../../../../src/console/contract/index';
import { eventCatalog } from '../../../../../shared/events/catalog';
import { useConsoleQuery } from '../../useConsoleQuery';
import { daysOf, given, pagingOf, pretty } from './auditFilters';

type Row = ConsoleOutput<'audit.events'>['rows'][number];
const TYPES = Object.keys(eventCatalog).sort();

/** The desks' events HQ holds: filters, then a page of 50 newest first; a row opens its masked payload. */
export function EventsTab() {
  const { t } = useTranslation();
  const sites = useConsoleQuery('sites.list', {});
  const [siteId, setSiteId] = useState<string | undefined>();
  const [device, setDevice] = useState('');
  const [actor, setActor] = useState('');
  const [type, setType] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [query, setQuery] = useState<ConsoleInput<'audit.events'>>({ page: 1 });
  const result = useConsoleQuery('audit.events', query);
  const search = () =>
    setQuery({ siteId, device: given(device), actor: given(actor), type: given(type), ...daysOf(range), page: 1 });
  return (
    <div data-testid="audit-events">
      <Form layout="inline" onSubmitCapture={(e) => (e.preventDefault(), search())} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('audit.site')}>
          <Select
            allowClear
            style={{ width: 180 }}
            value={siteId}
            onChange={setSiteId}
            placeholder={t('audit.any')}
            options={(sites.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
            data-testid="audit-site"
          />
        </Form.Item>
        <Form.Item label={t('audit.desk')}>
          <Input value={device} onChange={(e) => setDevice(e.target.value)} style={{ width: 100 }} data-testid="audit-desk" />
        </Form.Item>
        <Form.Item label={t('audit.actor')}>
          <Input value={actor} onChange={(e) => setActor(e.target.value)} style={{ width: 100 }} data-testid="audit-actor" />
        </Form.Item>
        <Form.Item label={t('audit.type')}>
          <AutoComplete
            value={type}
            onChange={setType}
            style={{ width: 200 }}
            options={TYPES.filter((x) => x.toLowerCase().includes(type.toLowerCase())).map((x) => ({ value: x }))}
            data-testid="audit-type"
          />
        </Form.Item>
        <Form.Item label={t('audit.days')}>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} data-testid="audit-days" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('audit.search')}
        </Button>
      </Form>
      {result.error && (
        <Alert
          type="error"
          showIcon
          message={t(result.error.issues[0]?.message ?? result.error.message)}
          data-testid="audit-problem"
        />
      )}
      <Table<Row>
        data-testid="audit-events-table"
        rowKey="id"
        size="small"
        loading={result.loading}
        dataSource={result.error ? [] : (result.data?.rows ?? [])}
        pagination={pagingOf(query, setQuery, result.data, (n) => t('audit.total', { n }))}
        expandable={{ expandedRowRender: (r) => <pre className="audit-payload">{pretty(r.payload)}</pre> }}
        columns={[
          {
            title: t('audit.recordedAt'),
            dataIndex: 'recordedAt',
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          { title: t('audit.site'), dataIndex: 'siteCode' },
          {
            title: t('audit.desk'),
            key: 'desk',
            render: (_: unknown, r: Row) => `${r.deviceCode ?? r.deviceId.slice(0, 8)} #${r.deviceSeq}`,
          },
          {
            title: t('audit.actor'),
            key: 'actor',
            render: (_: unknown, r: Row) => (r.actorStaffNo ? `${r.actorStaffNo} ${r.actorName ?? ''}` : r.actor),
          },
          { title: t('audit.type'), dataIndex: 'type' },
          {
            title: t('audit.status'),
            key: 'status',
            render: (_: unknown, r: Row) => (
              <Tag color={r.status === 'ok' ? 'green' : 'orange'}>
                {t(`audit.statuses.${r.status}`, r.status)}
                {r.rejectReason ? ` · ${r.rejectReason}` : ''}
              </Tag>
            ),
          },
        ]}
      />
    </div>
  );
}
