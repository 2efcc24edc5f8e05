import { App, Alert, Button, Empty, Space, Tag } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import type { HandoverSheet } from '../../../../shared/api/shiftSchemas';
import { downloadPdf, requestPrint } from '../../print/printing';
import { run } from '../../api/useDesk';
import { v7 as uuidv7 } from 'uuid';
import { tError } from '../../i18n';

const fmt = (iso: string | null) => (iso ? deskTime(iso).format('YYYY-MM-DD HH:mm') : '—');

/** A handover sheet on screen: each feature's section, high-priority lines marked, both signatures. */
export function HandoverView({ sheet }: { sheet: HandoverSheet }) {
  const { t } = useTranslation();
  return (
    <div className="handover" data-testid="handover-sheet">
      <div className="handover-head">
        <b>{t('handover.shiftLine', { pattern: sheet.patternCode, desk: sheet.deviceCode })}</b>
        <span>
          {fmt(sheet.openedAt)} – {sheet.closedAt ? fmt(sheet.closedAt) : t('handover.stillOpen')}
        </span>
      </div>
      {sheet.abandoned && <Alert type="error" showIcon message={t('handover.leftOpen')} style={{ margin: '8px 0' }} />}
      {sheet.preview && !sheet.abandoned && (
        <Alert type="warning" showIcon message={t('handover.previewNote')} style={{ margin: '8px 0' }} />
      )}
      {sheet.sections.map((s) => (
        <section key={s.key} className="handover-section" data-testid={`handover-${s.key}`}>
          <h3>
            {t(`handover.section.${s.key}`, { defaultValue: s.key })} <span className="count">{s.lines.length}</span>
          </h3>
          {s.lines.length === 0 ? (
            <div className="none">{t('handover.none')}</div>
          ) : (
            <ol>
              {s.lines.map((l, i) => (
                <li key={i} className={l.high ? 'high' : undefined}>
                  {l.high && <Tag color="red">{t('log.high')}</Tag>}
                  {l.at && <span className="time">{deskTime(l.at).format('MM-DD HH:mm')}</span>}
                  {l.tag && <span className="tag">[{l.tag}]</span>}
                  {l.text}
                  {l.by && <span className="by"> — {l.by}</span>}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      <section className="handover-section">
        <h3>{t('handover.note')}</h3>
        <div className="note">{sheet.note || t('handover.none')}</div>
      </section>
      <div className="signatures">
        <div>
          {t('handover.outgoing')}:{' '}
          <b data-testid="handover-outgoing">
            {sheet.outgoing
              ? `${sheet.outgoing.name} · ${t('handover.signedWithPin')} · ${fmt(sheet.outgoing.at)}`
              : t('handover.notSigned')}
          </b>
        </div>
        <div>
          {t('handover.incoming')}:{' '}
          <b data-testid="handover-incoming">
            {sheet.acknowledgements.length
              ? sheet.acknowledgements.map((a) => `${a.name} · ${fmt(a.at)}`).join('；')
              : t('handover.notYetAcknowledged')}
          </b>
        </div>
      </div>
    </div>
  );
}

/** Print a closed sheet on A4 or the 80 mm roll, or save it as PDF (the same print job). */
export function HandoverPrintButtons({ sheet }: { sheet: HandoverSheet | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  if (!sheet || sheet.preview) return null;
  const pdf = async () => {
    const r = await run('print:request', { jobId: uuidv7(), docType: 'handover_sheet', docId: sheet.shiftId, layout: 'a4' });
    if (!r.ok) return void message.error(tError(r.error.message));
    const error = await downloadPdf(r.value.id);
    if (error) message.error(tError(error));
  };
  return (
    <Space>
      <Button
        icon={<PrinterOutlined />}
        onClick={() => void requestPrint({ docType: 'handover_sheet', docId: sheet.shiftId, layout: 'a4' })}
        data-testid="handover-print-a4"
      >
        {t('handover.printA4')}
      </Button>
      <Button
        icon={<PrinterOutlined />}
        onClick={() => void requestPrint({ docType: 'handover_sheet', docId: sheet.shiftId, layout: 'roll80' })}
        data-testid="handover-print-roll"
      >
        {t('handover.printRoll')}
      </Button>
      <Button icon={<FilePdfOutlined />} onClick={() => void pdf()} data-testid="handover-pdf">
        {t('print.pdf')}
      </Button>
    </Space>
  );
}

export function NoHandover() {
  const { t } = useTranslation();
  return <Empty description={t('handover.firstShift')} data-testid="no-handover" />;
}
