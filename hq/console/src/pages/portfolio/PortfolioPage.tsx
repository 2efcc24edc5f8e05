import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../route';
import { useConsoleQuery } from '../../useConsoleQuery';
import { portfolioColumns } from './portfolioColumns';
import type { PortfolioRow } from './portfolioFormat';

/** The months the rows cover (each site's own): one when every site shares a calendar. */
const monthsOf = (rows: PortfolioRow[]) => [...new Set(rows.map((r) => r.month))].sort().join(' / ');

/**
 * The portfolio (项目总览), the console's home: one row per site in the user's scope, every figure on the
 * site's own clock; a row opens the site (`#/site/<id>`).
 */
export function PortfolioPage() {
  const { t } = useTranslation();
  const q = useConsoleQuery('portfolio.list', {});
  const rows = q.data ?? [];
  return (
    <Card
      title={t('portfolio.title')}
      data-testid="portfolio-page"
      extra={
        <Space>
          {rows.length > 0 && (
            <Typography.Text type="secondary" data-testid="portfolio-month">
              {t('portfolio.month', { month: monthsOf(rows) })}
            </Typography.Text>
          )}
          <Button size="small" onClick={q.reload} data-testid="portfolio-reload">
            {t('portfolio.reload')}
          </Button>
        </Space>
      }
    >
      {q.error && <Alert type="error" showIcon message={t(q.error.message)} style={{ marginBottom: 16 }} />}
      <Table<PortfolioRow>
        data-testid="portfolio-table"
        rowKey="siteId"
        size="middle"
        loading={q.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1140 }}
        columns={portfolioColumns(t)}
        locale={{ emptyText: t('portfolio.empty') }}
        onRow={(r) => ({
          onClick: () => navigate('site', r.siteId),
          style: { cursor: 'pointer' },
          'data-testid': `portfolio-row-${r.code}`,
        })}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('portfolio.note')}
      </Typography.Paragraph>
    </Card>
  );
}
