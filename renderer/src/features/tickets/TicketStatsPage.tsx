import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Input, Row, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { deskTime } from '../../../../shared/domain/deskTime';
import { fmtYuan } from '../../../../shared/print/format';
import { run, useDeskQuery } from '../../api/useDesk';
import { tError } from '../../i18n';
import { StatsChart } from './StatsChart';

function download(fileName: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The monthly summary the seeds ask for, as charts a supervisor would rather look at, and as Excel. */
export function TicketStatsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [month, setMonth] = useState(() => deskTime().format('YYYY-MM'));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const { data: s } = useDeskQuery('tickets:stats', valid ? { month } : { month: deskTime().format('YYYY-MM') }, [
    'tickets-changed',
  ]);
  const kinds = useMemo(
    () => ({
      categories: (s?.byKind ?? []).map((k) => t(`ticketKind.${k.key}`)),
      series: [{ name: t('ticket.count'), data: (s?.byKind ?? []).map((k) => k.count) }],
    }),
    [s, t],
  );
  const channels = useMemo(
    () => ({
      categories: (s?.byChannel ?? []).map((k) => t(`ticketChannel.${k.key}`)),
      series: [{ name: t('ticket.count'), data: (s?.byChannel ?? []).map((k) => k.count) }],
    }),
    [s, t],
  );
  const tree = useDeskQuery('tickets:classifier', {}).data;
  const catName = (code: string) =>
    tree?.places.flatMap((p) => p.categories).find((c) => c.code === code)?.[i18n.language === 'en' ? 'en' : 'zh'] ?? code;
  const cats = useMemo(
    () => ({
      categories: (s?.byCategory ?? []).map((k) => catName(k.key)),
      series: [{ name: t('ticket.count'), data: (s?.byCategory ?? []).map((k) => k.count) }],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [s, t, tree],
  );
  const onTime = useMemo(() => {
    const rows = (s?.onTime ?? []).filter((o) => o.due > 0);
    return {
      categories: rows.map((o) => t(`ticketDeadline.${o.type}`)),
      series: [{ name: t('ticket.onTimeRate'), data: rows.map((o) => o.rate ?? 0) }],
    };
  }, [s, t]);
  const exportXlsx = async () => {
    const r = await run('tickets:export', { month });
    if (r.ok) download(r.value.fileName, r.value.base64);
    else message.error(tError(r.error.message));
  };
  return (
    <Card
      title={t('ticket.statsTitle')}
      extra={
        <span>
          <Input
            style={{ width: 110, marginRight: 8 }}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            data-testid="stats-month"
          />
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} data-testid="stats-export">
            {t('ticket.exportExcel')}
          </Button>
        </span>
      }
      data-testid="ticket-stats"
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={5}>
          <Statistic title={t('ticket.total')} value={s?.total ?? 0} />
        </Col>
        <Col span={5}>
          <Statistic
            title={t('ticket.callbackRate')}
            value={s?.callback.rate ?? '—'}
            suffix={s?.callback.rate != null ? '%' : ''}
          />
        </Col>
        <Col span={5}>
          <Statistic
            title={t('ticket.satisfaction')}
            value={s?.satisfaction.rate ?? '—'}
            suffix={s?.satisfaction.rate != null ? '%' : ''}
          />
        </Col>
        <Col span={9}>
          <Statistic title={t('ticket.paidTotal')} value={fmtYuan(s?.paidChargeFen ?? 0)} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <StatsChart title={t('ticket.byKind')} {...kinds} testId="chart-kind" />
        </Col>
        <Col xs={24} xl={12}>
          <StatsChart title={t('ticket.onTimeRate')} {...onTime} max={100} testId="chart-ontime" />
        </Col>
        <Col xs={24} xl={12}>
          <StatsChart title={t('ticket.byCategory')} {...cats} testId="chart-category" />
        </Col>
        <Col xs={24} xl={12}>
          <StatsChart title={t('ticket.byChannel')} {...channels} testId="chart-channel" />
        </Col>
      </Row>
      <h4>{t('ticket.recurring')}</h4>
      <Table
        rowKey={(r) => `${r.unitCode}/${r.category}`}
        size="small"
        pagination={false}
        dataSource={s?.recurring ?? []}
        columns={[
          { title: t('ticket.unit'), dataIndex: 'unitCode' },
          { title: t('ticket.category'), dataIndex: 'label' },
          { title: t('ticket.count'), dataIndex: 'count' },
        ]}
      />
    </Card>
  );
}
