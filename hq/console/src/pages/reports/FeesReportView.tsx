import { Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReportChart } from './ReportChart';
import { PAY_METHODS } from '../../../../../shared/domain/fees';
import { codeWords, localeOf, permilleText, siteTime, yuan, yuanText } from './reportFormat';
import type { FeesData } from './reportTypes';

type Figures = FeesData['total'];

function RatesAndArrears({ f }: { f: Figures }) {
  const { t } = useTranslation();
  const rate = (key: 'propertyUnits' | 'propertyAmount' | 'allItems', testId: string) => (
    <Col span={8}>
      <Statistic
        title={t(`reports.fees.${key}`)}
        value={permilleText(f.collection[key].permille)}
        suffix={
          <span className="reports-muted">
            {t(
              'reports.fees.paidOfDue',
              key === 'propertyUnits'
                ? f.collection[key]
                : { paid: yuanText(f.collection[key].paid), due: yuanText(f.collection[key].due) },
            )}
          </span>
        }
        data-testid={testId}
      />
    </Col>
  );
  return (
    <Row gutter={16} className="reports-block">
      <Col span={6}>
        <Statistic title={t('reports.fees.collected')} value={yuanText(f.collectedFen)} data-testid="reports-fees-collected" />
      </Col>
      <Col span={6}>
        <Statistic title={t('reports.fees.receipts')} value={f.receipts} suffix={`· ${t('reports.fees.voided')} ${f.voided}`} />
      </Col>
      <Col span={12}>
        <Row gutter={8}>
          {rate('propertyUnits', 'reports-fees-rate-units')}
          {rate('propertyAmount', 'reports-fees-rate-amount')}
          {rate('allItems', 'reports-fees-rate-all')}
        </Row>
      </Col>
    </Row>
  );
}

function Arrears({ f }: { f: Figures }) {
  const { t } = useTranslation();
  const rows = [
    { key: 'age1', n: f.arrears.one },
    { key: 'age2', n: f.arrears.two },
    { key: 'age3', n: f.arrears.threePlus },
  ];
  return (
    <Card size="small" title={t('reports.fees.arrears')} className="reports-block" data-testid="reports-fees-arrears">
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('reports.fees.arrears'), dataIndex: 'key', render: (k: string) => t(`reports.fees.${k}`) },
          { title: t('reports.fees.arrearsUnits'), dataIndex: 'n' },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              {t('reports.total')} · {t('reports.fees.arrearsAmount')} {yuanText(f.arrears.amountFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{f.arrears.units}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function Voids({ data }: { data: FeesData }) {
  const { t } = useTranslation();
  const zoneOf = (id: string) => data.sites.find((s) => s.siteId === id)?.zone ?? 'Asia/Shanghai';
  const rows = data.perSite.flatMap((s) =>
    s.voids.map((v) => ({ ...v, site: data.sites.find((x) => x.siteId === s.siteId)?.name ?? '', zone: zoneOf(s.siteId) })),
  );
  type Row = (typeof rows)[number];
  return (
    <Card size="small" title={t('reports.fees.voids')} className="reports-block">
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="receiptNo"
        dataSource={rows}
        locale={{ emptyText: t('reports.fees.noVoids') }}
        data-testid="reports-fees-voids"
        columns={[
          { title: t('reports.site'), dataIndex: 'site' },
          { title: t('reports.fees.receiptNo'), dataIndex: 'receiptNo' },
          { title: t('reports.fees.voidedAt'), render: (_: unknown, r: Row) => siteTime(r.voidedAt, r.zone) },
          { title: t('reports.fees.amount'), render: (_: unknown, r: Row) => yuanText(r.amountFen), align: 'right' },
          { title: t('reports.fees.reason'), dataIndex: 'reason' },
          { title: t('reports.fees.voidedBy'), dataIndex: 'voidedBy' },
          { title: t('reports.fees.approvedBy'), dataIndex: 'approvedBy' },
        ]}
      />
    </Card>
  );
}

function BySite({ data }: { data: FeesData }) {
  const { t } = useTranslation();
  const rows = data.perSite.map((s) => ({ ...s, name: data.sites.find((x) => x.siteId === s.siteId)?.name ?? '' }));
  type Row = (typeof rows)[number];
  return (
    <Table<Row>
      size="small"
      className="reports-block"
      pagination={false}
      rowKey="siteId"
      dataSource={rows}
      data-testid="reports-fees-sites"
      columns={[
        { title: t('reports.site'), dataIndex: 'name' },
        { title: t('reports.fees.collected'), render: (_: unknown, r: Row) => yuanText(r.collectedFen), align: 'right' },
        {
          title: t('reports.fees.propertyUnits'),
          render: (_: unknown, r: Row) => permilleText(r.collection.propertyUnits.permille),
        },
        {
          title: t('reports.fees.propertyAmount'),
          render: (_: unknown, r: Row) => permilleText(r.collection.propertyAmount.permille),
        },
        { title: t('reports.fees.arrearsUnits'), render: (_: unknown, r: Row) => r.arrears.units },
      ]}
    />
  );
}

/** The month's fees: collected, rates, arrears ageing, by method and item (charts), and the voids. */
export function FeesReportView({ data }: { data: FeesData }) {
  const { t, i18n } = useTranslation();
  const w = codeWords(localeOf(i18n.language));
  const f = data.total;
  return (
    <div data-testid="reports-fees">
      <RatesAndArrears f={f} />
      {data.sites.length > 1 && <BySite data={data} />}
      <Row gutter={16}>
        <Col span={12}>
          <ReportChart
            title={t('reports.fees.byMethod')}
            categories={PAY_METHODS.map(w.method)}
            series={[{ name: t('reports.fees.amount'), data: PAY_METHODS.map((m) => yuan(f.byMethod[m])) }]}
            testId="reports-fees-chart-method"
          />
        </Col>
        <Col span={12}>
          <ReportChart
            title={t('reports.fees.byItem')}
            categories={f.byItem.map((i) => w.item(i.item))}
            series={[{ name: t('reports.fees.amount'), data: f.byItem.map((i) => yuan(i.amountFen)) }]}
            testId="reports-fees-chart-item"
          />
        </Col>
      </Row>
      <Arrears f={f} />
      <Voids data={data} />
    </div>
  );
}
