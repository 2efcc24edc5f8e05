import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Space } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { downloadPdf, requestPrint } from '../../print/printing';
import { tError } from '../../i18n';

/** The pass just printed, as it looks on paper, with reprint (marked 补打) and PDF export. */
export function PassPanel(props: { visit: Visit | null; jobId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The parent keys this panel by the check-in's job, so a new check-in starts from its own job.
  const [jobId, setJobId] = useState<string | null>(props.jobId);
  const [rendered, setRendered] = useState<{ jobId: string; html: string }>();
  useEffect(() => {
    if (!jobId) return;
    void run('print:html', { jobId }).then((r) => r.ok && setRendered({ jobId, html: r.value.html }));
  }, [jobId]);
  const html = rendered && rendered.jobId === jobId ? rendered.html : '';

  if (!props.visit) {
    return (
      <Card title={t('visit.passPreview')}>
        <Empty description={t('visit.noPassYet')} />
      </Card>
    );
  }
  const visit = props.visit;
  const reprint = async () => {
    const id = await requestPrint({ docType: 'visitor_pass', docId: visit.id, layout: 'roll80' });
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
    <Card
      title={`${t('visit.passPreview')} · ${visit.passNo}`}
      extra={
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => void reprint()} data-testid="pass-reprint">
            {t('print.reprint')}
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => void pdf()} disabled={!jobId} data-testid="pass-pdf">
            {t('print.pdf')}
          </Button>
        </Space>
      }
    >
      {html ? <iframe title="pass" className="pass-preview" srcDoc={html} sandbox="" data-testid="pass-preview" /> : <Empty />}
    </Card>
  );
}
