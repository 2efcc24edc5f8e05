import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ConsoleInput, ConsoleOutput } from '../../../../src/console/contract/index';
import { useConsoleQuery } from '../../useConsoleQuery';
import { daysOf, given, pagingOf, pretty } from './auditFilters';

type Row = ConsoleOutput<'audit.console'>['rows'][number];

/** What HQ users did in this console: sign-ins (and refusals) and every change, newest first. */
export function ConsoleAuditTab() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [action, setAction] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [query, setQuery] = useState<ConsoleInput<'audit.console'>>({ page: 1 });
  const result = useConsoleQuery('audit.console', query);
  const search = () => setQuery({ login: given(login), action: given(action), ...daysOf(range), page: 1 });
  return (
    <div data-testid="audit-console">
      <Form layout="inline" onSubmitCapture={(e) => (e.preventDefault(), search())} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('audit.login')}>
          <Input value={login} onChange={(e) => setLogin(e.target.value)} style={{ width: 140 }} data-testid="audit-login" />
        </Form.Item>
        <Form.Item label={t('audit.action')}>
          <Input value={action} onChange={(e) => setAction(e.target.value)} style={{ width: 200 }} data-testid="audit-action" />
        </Form.Item>
        <Form.Item label={t('audit.days')}>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-console-search">
          {t('audit.search')}
        </Button>
      </Form>
      {result.error && <Alert type="error" showIcon message={t(result.error.issues[0]?.message ?? result.error.message)} />}
      <Table<Row>
        data-testid="audit-console-table"
        rowKey="id"
        size="small"
        loading={result.loading}
        dataSource={result.error ? [] : (result.data?.rows ?? [])}
        pagination={pagingOf(query, setQuery, result.data, (n) => t('audit.total', { n }))}
        expandable={{ expandedRowRender: (r) => <pre className="audit-payload">{pretty(r.detail)}</pre> }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('audit.login'), key: 'who', render: (_: unknown, r: Row) => `${r.login}${r.name ? ` · ${r.name}` : ''}` },
          { title: t('audit.action'), dataIndex: 'action' },
          { title: t('audit.site'), dataIndex: 'siteCode', render: (c: string | null) => c ?? '—' },
        ]}
      />
    </div>
  );
}
