import { Alert, App, Button, Space, Table } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { deskTime } from '../../../../shared/domain/deskTime';
import type { Visit } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { exportDocPdf, printJobInBrowser } from '../../print/printing';
import { visitColumns } from './visitColumns';

/** A refused scan: the code that was refused (the field is already empty for the next one) and why. */
export function ScanRefusal(props: { code: string | null; message: string }) {
  return (
    <span>
      {props.code && (
        <span className="mono" data-testid="scan-refused-code" style={{ marginRight: 8 }}>
          {props.code}
        </span>
      )}
      <span data-testid="scan-error">{props.message}</span>
    </span>
  );
}

/** Visitors who left without handing back their slip: each is checked out here once it turns up. */
export function NotReturned(props: { visits: Visit[]; now: Date; onReturned: (visitId: string) => void }) {
  const { t } = useTranslation();
  if (props.visits.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="not-returned"
      message={t('visit.notReturnedTitle', { count: props.visits.length })}
      description={
        <Table<Visit>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={props.visits}
          columns={[
            ...visitColumns(t, props.now).slice(0, 4),
            { title: t('visit.timeIn'), dataIndex: 'checkedInAt', render: (v: string) => deskTime(v).format('MM-DD HH:mm') },
            {
              title: '',
              key: 'act',
              render: (_, v) => (
                <Button size="small" onClick={() => props.onReturned(v.id)}>
                  {t('visit.slipReturned')}
                </Button>
              ),
            },
          ]}
        />
      }
    />
  );
}

/** The evacuation roll call on A4: printed, or as a PDF file to send to the warden, taken as the building is now. */
export function RollCallButtons() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const printRoll = async () => {
    const r = await run('print:request', {
      jobId: uuidv7(),
      docType: 'onsite_roll',
      docId: deskTime().format('YYYYMMDDHHmmss'),
      layout: 'a4',
    });
    if (r.ok) await printJobInBrowser(r.value.id);
  };
  const rollPdf = async () => {
    const error = await exportDocPdf({ docType: 'onsite_roll', docId: deskTime().format('YYYYMMDDHHmmss'), layout: 'a4' });
    if (error) message.error(tError(error));
  };
  return (
    <Space>
      <Button icon={<PrinterOutlined />} onClick={() => void printRoll()} data-testid="print-roll">
        {t('visit.printRoll')}
      </Button>
      <Button icon={<FilePdfOutlined />} onClick={() => void rollPdf()} data-testid="roll-pdf">
        {t('print.pdf')}
      </Button>
    </Space>
  );
}
