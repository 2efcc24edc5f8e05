import { Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReportChart } from './ReportChart';
import { codeWords, localeOf, percentText } from './reportFormat';
import type { TicketsData } from './reportTypes';

type Figures = TicketsData['total'];

function Counts({ f }: { f: Figures }) {
  const { t, i18n } = useTranslation();
  const w = codeWords(localeOf(i18n.language));
  const list = (title: string, rows: { key: string; name: string; count: number }[], testId: string) => (
    <Col span={8}>
      <Card size="small" title={title} className="reports-block">
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          data-testid={testId}
          columns={[
            { title: title, dataIndex: 'name' },
            { title: t('reports.tickets.count'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </Card>
    </Col>
  );
  return (
    <Row gutter={16}>
      {list(
        t('reports.tickets.byKind'),
        f.byKind.map((k) => ({ ...k, name: w.kind(k.key) })),
        'reports-tickets-kind',
      )}
      {list(
        t('reports.tickets.byCategory'),
        f.byCategory.map((k) => ({ ...k, name: w.category(k) })),
        'reports-tickets-category',
      )}
      {list(
        t('reports.tickets.byChannel'),
        f.byChannel.map((k) => ({ ...k, name: w.channel(k.key) })),
        'reports-tickets-channel',
      )}
    </Row>
  );
}

function OnTime({ f }: { f: Figures }) {
  const { t, i18n } = useTranslation();
  const w = codeWords(localeOf(i18n.language));
  const shown = f.onTime.filter((o) => o.due > 0);
  return (
    <Row gutter={16} className="reports-block">
      <Col span={12}>
        <ReportChart
          title={t('reports.tickets.onTime')}
          categories={shown.map((o) => w.deadline(o.type))}
          series={[{ name: t('reports.tickets.rate'), data: shown.map((o) => o.rate ?? 0) }]}
          max={100}
          testId="reports-tickets-chart-ontime"
        />
      </Col>
      <Col span={12}>
        <Table
          size="small"
          pagination={false}
          rowKey="type"
          dataSource={f.onTime}
          data-testid="reports-tickets-ontime"
          columns={[
            { title: t('reports.tickets.deadline'), dataIndex: 'type', render: (v: string) => w.deadline(v) },
            { title: t('reports.tickets.due'), dataIndex: 'due', align: 'right' },
            { title: t('reports.tickets.met'), dataIndex: 'onTime', align: 'right' },
            { title: t('reports.tickets.rate'), dataIndex: 'rate', render: (v: number | null) => percentText(v), align: 'right' },
          ]}
        />
      </Col>
    </Row>
  );
}

/** The month's tickets: counts by kind, category and channel, on-time per deadline, callbacks, satisfaction, recurring problems. */
export function TicketsReportView({ data }: { data: TicketsData }) {
  const { t } = useTranslation();
  const f = data.total;
  const site = (id: string) => data.sites.find((s) => s.siteId === id)?.name ?? '';
  const recurring = data.perSite.flatMap((s) =>
    s.recurring.map((r) => ({ ...r, site: site(s.siteId), id: `${s.siteId}/${r.unitCode}/${r.category}` })),
  );
  return (
    <div data-testid="reports-tickets">
      <Row gutter={16} className="reports-block">
        <Col span={8}>
          <Statistic title={t('reports.tickets.total')} value={f.total} data-testid="reports-tickets-total" />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('reports.tickets.callbackRate')}
            value={percentText(f.callback.rate)}
            suffix={`${f.callback.calledBack} / ${f.callback.resolved}`}
            data-testid="reports-tickets-callback"
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('reports.tickets.satisfaction')}
            value={percentText(f.satisfaction.rate)}
            suffix={`${f.satisfaction.satisfied} / ${f.satisfaction.satisfied + f.satisfaction.notSatisfied}`}
            data-testid="reports-tickets-satisfaction"
          />
        </Col>
      </Row>
      <Counts f={f} />
      <OnTime f={f} />
      <Card size="small" title={t('reports.tickets.recurring')} className="reports-block">
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={recurring}
          locale={{ emptyText: t('reports.tickets.noRecurring') }}
          data-testid="reports-tickets-recurring"
          columns={[
            { title: t('reports.site'), dataIndex: 'site' },
            { title: t('reports.tickets.unit'), dataIndex: 'unitCode' },
            { title: t('reports.tickets.category'), dataIndex: 'label' },
            { title: t('reports.tickets.times'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </Card>
    </div>
  );
}
