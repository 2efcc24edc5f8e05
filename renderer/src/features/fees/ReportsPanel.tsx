import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { deskTime } from '../../../../shared/domain/deskTime';
import type { ProcOutput } from '../../../../shared/api/contract';
import { PAY_METHODS, REMINDER_CHANNELS } from '../../../../shared/domain/fees';
import { fmtYuan } from '../../../../shared/print/format';
import { run, useDeskQuery } from '../../api/useDesk';
import { exportDocPdf, requestPrint } from '../../print/printing';
import { tError } from '../../i18n';
import { CollectionRates } from './CollectionRates';
import { saveBase64File } from '../../api/saveFile';

type ArrearsRow = ProcOutput<'fees:arrears'>['rows'][number];

/** 收费日报: this desk's day per method, item and cashier; print (A4) or Excel. */
export function DailyReportPanel() {
  const { t } = useTranslation();
  const [day, setDay] = useState<Dayjs>(deskTime());
  const date = day.format('YYYY-MM-DD');
  const report = useDeskQuery('fees:daily', { date }, ['fees-changed']).data;
  const { message } = App.useApp();
  const excel = async () => {
    const r = await run('fees:dailyExcel', { date });
    if (r.ok) saveBase64File(r.value.fileName, r.value.base64);
  };
  const pdf = async () => {
    const error = await exportDocPdf({ docType: 'daily_report', docId: date, layout: 'a4' });
    if (error) message.error(tError(error));
  };
  return (
    <Card
      title={t('report.title')}
      size="small"
      extra={
        <Space>
          <DatePicker value={day} allowClear={false} onChange={(d) => d && setDay(d)} />
          <Button
            onClick={() => void requestPrint({ docType: 'daily_report', docId: date, layout: 'a4' })}
            data-testid="report-print"
          >
            {t('report.print')}
          </Button>
          <Button onClick={() => void pdf()} data-testid="report-pdf">
            {t('print.pdf')}
          </Button>
          <Button onClick={() => void excel()} data-testid="report-excel">
            {t('report.excel')}
          </Button>
        </Space>
      }
    >
      {report && (
        <>
          <Space size="large">
            <Statistic title={t('report.issued')} value={report.issued} />
            <Statistic title={t('report.voided')} value={report.voided} />
            <Statistic title={t('fee.total')} value={fmtYuan(report.totalFen)} />
          </Space>
          <Descriptions size="small" column={5} style={{ marginTop: 12 }}>
            {PAY_METHODS.map((m) => (
              <Descriptions.Item key={m} label={t(`fee.methodName.${m}`)}>
                {fmtYuan(report.methods[m] ?? 0)}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={report.cashiers}
            columns={[
              { title: t('report.cashier'), dataIndex: 'name' },
              { title: t('report.issued'), dataIndex: 'receipts' },
              { title: t('report.voided'), dataIndex: 'voided' },
              { title: t('fee.total'), dataIndex: 'totalFen', render: (v: number) => fmtYuan(v) },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** 欠费: units by age of their oldest unpaid month, this month's collection rate, reminders and the demand letter. */
export function ArrearsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDeskQuery('fees:arrears', {}, ['fees-changed']);
  const [reminder, setReminder] = useState<{
    unitId: string;
    channel: (typeof REMINDER_CHANNELS)[number];
    outcome: string;
  } | null>(null);
  /** Only the units whose demand letter is due: the day's letters to print. */
  const [lettersOnly, setLettersOnly] = useState(false);
  const d = list.data;
  const letterPdf = async (unitId: string) => {
    const error = await exportDocPdf({ docType: 'demand_letter', docId: unitId, layout: 'a4' });
    if (error) message.error(tError(error));
  };
  const record = async () => {
    if (!reminder) return;
    const r = await run('fees:remind', reminder);
    if (!r.ok) return message.error(tError(r.error.issues?.[0]?.message ?? r.error.message));
    setReminder(null);
    list.reload();
  };
  if (!d) return null;
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Card size="small" title={t('arrears.title', { period: d.period })}>
          <CollectionRates rates={d.collection} />
          <Space size="large" style={{ marginBottom: 12 }}>
            <Statistic title={t('arrears.one')} value={d.buckets.one} />
            <Statistic title={t('arrears.two')} value={d.buckets.two} />
            <Statistic title={t('arrears.threePlus')} value={d.buckets.threePlus} valueStyle={{ color: '#c0392b' }} />
            <span data-testid="arrears-letters-due">
              <Statistic
                title={t('arrears.lettersDue')}
                value={d.lettersDue}
                valueStyle={{ color: d.lettersDue ? '#c0392b' : undefined }}
              />
            </span>
            <Checkbox checked={lettersOnly} onChange={(e) => setLettersOnly(e.target.checked)} data-testid="arrears-letters-only">
              {t('arrears.onlyLettersDue')}
            </Checkbox>
          </Space>
          <Table<ArrearsRow>
            size="small"
            rowKey="unitId"
            dataSource={lettersOnly ? d.rows.filter((r) => r.letterDueNow) : d.rows}
            data-testid="arrears-table"
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('fee.unit'), dataIndex: 'unitCode' },
              { title: t('arrears.amount'), dataIndex: 'amountFen', render: (v: number) => fmtYuan(v) },
              { title: t('fee.oldestUnpaid'), dataIndex: 'oldest' },
              {
                title: t('arrears.age'),
                dataIndex: 'age',
                render: (a: number) => (
                  <Tag color={a >= 3 ? 'red' : a === 2 ? 'orange' : 'gold'}>
                    {t(a >= 3 ? 'arrears.threePlus' : a === 2 ? 'arrears.two' : 'arrears.one')}
                  </Tag>
                ),
              },
              { title: t('fee.reminders'), dataIndex: 'reminders' },
              {
                title: t('arrears.letterDue'),
                dataIndex: 'demandLetterDue',
                render: (v: string | null, r) =>
                  r.letterDueNow ? (
                    <Tag color="red" data-testid="arrears-letter-due-tag">
                      {t('arrears.letterDueTag')} {v}
                    </Tag>
                  ) : (
                    (v ?? '—')
                  ),
              },
              {
                title: '',
                key: 'actions',
                render: (_, r) => (
                  <Space>
                    <Button size="small" onClick={() => setReminder({ unitId: r.unitId, channel: 'phone', outcome: '' })}>
                      {t('arrears.remind')}
                    </Button>
                    <Button
                      size="small"
                      type={r.letterDueNow ? 'primary' : 'default'}
                      onClick={() => void requestPrint({ docType: 'demand_letter', docId: r.unitId, layout: 'a4' })}
                    >
                      {t('arrears.letter')}
                    </Button>
                    <Button size="small" onClick={() => void letterPdf(r.unitId)} data-testid="arrears-letter-pdf">
                      {t('print.pdf')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
          {reminder && (
            <Space style={{ marginTop: 8 }}>
              <Select
                value={reminder.channel}
                onChange={(v) => setReminder({ ...reminder, channel: v })}
                options={REMINDER_CHANNELS.map((c) => ({ value: c, label: t(`fee.channel.${c}`) }))}
              />
              <Input
                style={{ width: 320 }}
                placeholder={t('arrears.outcome')}
                value={reminder.outcome}
                onChange={(e) => setReminder({ ...reminder, outcome: e.target.value })}
              />
              <Button type="primary" onClick={() => void record()}>
                {t('arrears.record')}
              </Button>
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}
