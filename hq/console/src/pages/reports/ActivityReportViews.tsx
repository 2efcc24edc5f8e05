import { Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReportChart } from './ReportChart';
import type { MailData, VisitorsData } from './reportTypes';

/** Visits per site and day of the month: counts only (no visitor is named anywhere in the report). */
export function VisitorsReportView({ data }: { data: VisitorsData }) {
  const { t } = useTranslation();
  const days = [...new Set(data.perSite.flatMap((s) => s.days.map((d) => d.day)))].sort();
  const name = (id: string) => data.sites.find((s) => s.siteId === id)?.name ?? '';
  const rows = days.map((day) => ({
    day,
    ...Object.fromEntries(data.perSite.map((s) => [s.siteId, s.days.find((d) => d.day === day)?.count ?? 0])),
  }));
  return (
    <div data-testid="reports-visitors">
      <Statistic
        title={t('reports.visitors.total')}
        value={data.total}
        className="reports-block"
        data-testid="reports-visitors-total"
      />
      <ReportChart
        title={t('reports.visitors.perDay')}
        categories={days.map((d) => d.slice(5))}
        series={data.perSite.map((s) => ({
          name: name(s.siteId),
          data: days.map((d) => s.days.find((x) => x.day === d)?.count ?? 0),
        }))}
        testId="reports-visitors-chart"
      />
      <Table
        size="small"
        pagination={false}
        rowKey="day"
        dataSource={rows}
        locale={{ emptyText: t('reports.empty') }}
        data-testid="reports-visitors-days"
        columns={[
          { title: t('reports.visitors.day'), dataIndex: 'day' },
          ...data.perSite.map((s) => ({ title: name(s.siteId), dataIndex: s.siteId, align: 'right' as const })),
        ]}
      />
    </div>
  );
}

const MAIL_KEYS = ['received', 'pickedUp', 'returned', 'damaged'] as const;

/** The mail register's month per site: received, picked up, returned, damaged. */
export function MailReportView({ data }: { data: MailData }) {
  const { t } = useTranslation();
  const name = (id: string) => data.sites.find((s) => s.siteId === id)?.name ?? '';
  return (
    <div data-testid="reports-mail">
      <Row gutter={16} className="reports-block">
        {MAIL_KEYS.map((k) => (
          <Col span={6} key={k}>
            <Statistic title={t(`reports.mail.${k}`)} value={data.total[k]} data-testid={`reports-mail-${k}`} />
          </Col>
        ))}
      </Row>
      <ReportChart
        title={t('reports.tab.mail')}
        categories={MAIL_KEYS.map((k) => t(`reports.mail.${k}`))}
        series={data.perSite.map((s) => ({ name: name(s.siteId), data: MAIL_KEYS.map((k) => s[k]) }))}
        testId="reports-mail-chart"
      />
      <Table
        size="small"
        pagination={false}
        rowKey="siteId"
        dataSource={data.perSite.map((s) => ({ ...s, name: name(s.siteId) }))}
        data-testid="reports-mail-sites"
        columns={[
          { title: t('reports.site'), dataIndex: 'name' },
          ...MAIL_KEYS.map((k) => ({ title: t(`reports.mail.${k}`), dataIndex: k, align: 'right' as const })),
        ]}
      />
    </div>
  );
}
