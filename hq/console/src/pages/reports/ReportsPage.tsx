import { Alert, Button, Card, DatePicker, Select, Space, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../route';
import { useConsoleSession } from '../../stores/session';
import { useConsoleQuery } from '../../useConsoleQuery';
import { consoleContract } from '../../../../src/console/contract/index';
import { deskTime } from '../../../../../shared/domain/deskTime';
import { ReportTab } from './ReportTab';
import { REPORT_KINDS, type ReportKind } from './reportTypes';
import './reports.css';

const ALL = 'all';
/** The month now on HQ's default site clock: the report a user opens first. */
const thisMonth = () => deskTime().format('YYYY-MM');

/**
 * Monthly reports (`#/reports/<report>/<month>/<site|all>`): a month picker, all sites in scope or one,
 * the four reports as tabs (those the role may read), print on A4 and Excel export.
 */
export function ReportsPage(props: { parts: string[] }) {
  const { t } = useTranslation();
  const role = useConsoleSession((s) => s.user!.role);
  const kinds = REPORT_KINDS.filter((k) => consoleContract[`reports.${k}`].roles.includes(role));
  const [kindPart, monthPart, sitePart] = props.parts;
  const kind = kinds.find((k) => k === kindPart) ?? kinds[0];
  const month = monthPart && /^\d{4}-\d{2}$/.test(monthPart) ? monthPart : thisMonth();
  const siteId = sitePart && sitePart !== ALL ? sitePart : null;
  const sites = useConsoleQuery('sites.list', {});
  const go = (k: ReportKind, m: string, s: string | null) => navigate('reports', k, m, s ?? ALL);
  const siteName = siteId ? (sites.data?.find((s) => s.id === siteId)?.name ?? '') : t('reports.allSites');
  if (!kind) return <Alert type="warning" showIcon message={t('reports.empty')} />;
  return (
    <Card className="reports-page" data-testid="reports-page">
      <div className="reports-print-head" data-testid="reports-print-head">
        {t('reports.title')} · {t(`reports.tab.${kind}`)} · {t('reports.generated', { month, sites: siteName })}
      </div>
      <Space className="no-print reports-block" wrap>
        <span>{t('reports.month')}</span>
        <DatePicker
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && go(kind, d.format('YYYY-MM'), siteId)}
          data-testid="reports-month"
        />
        <span>{t('reports.site')}</span>
        <Select
          style={{ minWidth: 200 }}
          value={siteId ?? ALL}
          loading={sites.loading}
          onChange={(v: string) => go(kind, month, v === ALL ? null : v)}
          options={[
            { value: ALL, label: t('reports.allSites') },
            ...(sites.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` })),
          ]}
          data-testid="reports-site"
        />
        <Button onClick={() => window.print()} data-testid="reports-print">
          {t('reports.print')}
        </Button>
      </Space>
      <Tabs
        activeKey={kind}
        onChange={(k) => go(k as ReportKind, month, siteId)}
        destroyOnHidden
        items={kinds.map((k) => ({
          key: k,
          label: <span data-testid={`reports-tab-${k}`}>{t(`reports.tab.${k}`)}</span>,
          children: <ReportTab kind={k} month={month} siteId={siteId} where={siteName} />,
        }))}
      />
    </Card>
  );
}
