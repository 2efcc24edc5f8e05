import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Space } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReleasePass } from '../../../../shared/api/releasePassSchemas';
import { run } from '../../api/useDesk';
import { downloadPdf, requestPrint } from '../../print/printing';
import { tError } from '../../i18n';

/** The pass as printed, with reprints on the roll or on A6 (marked 补打) and PDF export. */
export function ReleasePassPanel(props: { pass: ReleasePass | null; jobId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The parent keys this panel by the job, so a new pass starts from its own job.
  const [jobId, setJobId] = useState<string | null>(props.jobId);
  const [rendered, setRendered] = useState<{ jobId: string; html: string }>();
  useEffect(() => {
    if (!jobId) return;
    void run('print:html', { jobId }).then((r) => r.ok && setRendered({ jobId, html: r.value.html }));
  }, [jobId]);
  const html = rendered && rendered.jobId === jobId ? rendered.html : '';

  if (!props.pass) {
    return (
      <Card title={t('pass.preview')}>
        <Empty description={t('pass.noPassYet')} />
      </Card>
    );
  }
  const pass = props.pass;
  const reprint = async (layout: 'roll80' | 'a6') => {
    const id = await requestPrint({ docType: 'release_pass', docId: pass.id, layout });
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
    <Card title={`${t('pass.preview')} · ${pass.passNo}`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<PrinterOutlined />} onClick={() => void reprint('roll80')} data-testid="release-pass-reprint">
          {t('print.reprint')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => void reprint('a6')} data-testid="release-pass-a6">
          {t('pass.printA6')}
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => void pdf()} disabled={!jobId} data-testid="release-pass-pdf">
          {t('print.pdf')}
        </Button>
      </Space>
      {html ? (
        <iframe title="release-pass" className="pass-preview" srcDoc={html} sandbox="" data-testid="release-pass-preview" />
      ) : (
        <Empty />
      )}
    </Card>
  );
}
