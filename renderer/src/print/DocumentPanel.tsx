import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Space } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProcInput } from '../../../shared/api/contract';
import { run } from '../api/useDesk';
import { tError } from '../i18n';
import { downloadPdf, requestPrint } from './printing';

type DocType = ProcInput<'print:request'>['docType'];

/**
 * A printed document as it looks on paper, with reprints (marked 补打 on paper) on the roll or on
 * A6, and PDF export. The parent keys it by the print job, so each new document starts fresh.
 */
export function DocumentPanel(props: {
  title: string;
  emptyText: string;
  doc: { docType: DocType; docId: string; number: string } | null;
  jobId: string | null;
  /** Test ids: `${testId}-reprint`, `${testId}-a6` (or `-a5`), `${testId}-pdf`, `${testId}-preview`. */
  testId: string;
  /** The sheet layout beside the roll: A6 for passes, A5 (stub + customer copy) for receipts. */
  sheet?: 'a6' | 'a5';
}) {
  const sheet = props.sheet ?? 'a6';
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(props.jobId);
  const [rendered, setRendered] = useState<{ jobId: string; html: string }>();
  useEffect(() => {
    if (!jobId) return;
    void run('print:html', { jobId }).then((r) => r.ok && setRendered({ jobId, html: r.value.html }));
  }, [jobId]);
  const html = rendered && rendered.jobId === jobId ? rendered.html : '';

  const doc = props.doc;
  if (!doc) {
    return (
      <Card title={props.title}>
        <Empty description={props.emptyText} />
      </Card>
    );
  }
  const reprint = async (layout: 'roll80' | 'a6' | 'a5') => {
    const id = await requestPrint({ docType: doc.docType, docId: doc.docId, layout });
    if (id) {
      setJobId(id);
      message.success(t('print.reprinted'));
    }
  };
  const pdf = async () => {
    if (!jobId) return;
    const error = await downloadPdf(jobId);
    if (error) message.error(tError(error));
  };
  return (
    <Card title={`${props.title} · ${doc.number}`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<PrinterOutlined />} onClick={() => void reprint('roll80')} data-testid={`${props.testId}-reprint`}>
          {t('print.reprint')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => void reprint(sheet)} data-testid={`${props.testId}-${sheet}`}>
          {t(sheet === 'a5' ? 'print.reprintA5' : 'print.reprintA6')}
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => void pdf()} disabled={!jobId} data-testid={`${props.testId}-pdf`}>
          {t('print.pdf')}
        </Button>
      </Space>
      {html ? (
        <iframe title={props.title} className="pass-preview" srcDoc={html} sandbox="" data-testid={`${props.testId}-preview`} />
      ) : (
        <Empty />
      )}
    </Card>
  );
}
