import { Alert, Button, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleQuery } from '../../useConsoleQuery';
import { FeesReportView } from './FeesReportView';
import { TicketsReportView } from './TicketsReportView';
import { MailReportView, VisitorsReportView } from './ActivityReportViews';
import { reportFileName, reportWorkbook } from './reportsExcel';
import { localeOf } from './reportFormat';
import type { FeesData, MailData, ReportData, ReportKind, TicketsData, VisitorsData } from './reportTypes';

/** Saves a workbook as the browser downloads a file. */
function download(bytes: ArrayBuffer, fileName: string) {
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function View({ kind, data }: { kind: ReportKind; data: ReportData }) {
  if (kind === 'fees') return <FeesReportView data={data as FeesData} />;
  if (kind === 'tickets') return <TicketsReportView data={data as TicketsData} />;
  if (kind === 'visitors') return <VisitorsReportView data={data as VisitorsData} />;
  return <MailReportView data={data as MailData} />;
}

/** One report of the month: asked of HQ for the month and site, shown, and exported to Excel on request. */
export function ReportTab(props: { kind: ReportKind; month: string; siteId: string | null; where: string }) {
  const { t, i18n } = useTranslation();
  const { kind, month, siteId } = props;
  const q = useConsoleQuery(`reports.${kind}`, { month, siteId });
  const exportExcel = async (data: ReportData) => {
    const bytes = await reportWorkbook(kind, data, t, localeOf(i18n.language));
    download(bytes, reportFileName(kind, month, props.where, t));
  };
  if (q.error) return <Alert type="error" showIcon message={t(q.error.message)} data-testid="reports-error" />;
  if (!q.data) return <Spin tip={t('reports.loading')} />;
  const data = q.data;
  return (
    <Spin spinning={q.loading}>
      <div className="no-print reports-block" style={{ textAlign: 'right' }}>
        <Button type="primary" onClick={() => void exportExcel(data)} data-testid="reports-excel">
          {t('reports.excel')}
        </Button>
      </div>
      {data.sites.length === 0 ? <Empty description={t('reports.empty')} /> : <View kind={kind} data={data} />}
    </Spin>
  );
}
