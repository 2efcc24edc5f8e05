import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateTicketInput, type TicketView } from '../../../../shared/api/ticketSchemas';
import { run, useDeskQuery } from '../../api/useDesk';
import { SHORTCUTS, useNav } from '../../stores/nav';
import { formKeyDown } from '../../forms/keyboard';
import { tError } from '../../i18n';
import { requestPrint } from '../../print/printing';
import { DocumentPanel } from '../../print/DocumentPanel';
import { ClassifierFields, CustomerFields, DetailFields, KindFields, TicketHeadFields } from './IntakeFields';
import { toCreateInput, useTicketDraft, type TicketDraft } from './draft';

type Errors = Record<string, string>;

/**
 * 咨询/投诉/报修/建议/留言 intake: one screen, the kind first; Enter moves on, Ctrl+Enter submits. The
 * draft is kept (localStorage) while the customer speaks and when the desk leaves the page.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const focusTick = useNav((s) => s.focusTick);
  const { draft: d, patch, clear } = useTicketDraft();
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [last, setLast] = useState<TicketView | null>(null);
  const [noticeJob, setNoticeJob] = useState<string | null>(null);
  const first = useRef<HTMLDivElement>(null);
  const tree = useDeskQuery('tickets:classifier', {}).data;

  useEffect(() => {
    setTimeout(() => first.current?.querySelector<HTMLInputElement>('input')?.focus(), 0);
  }, [focusTick]);

  const set = <K extends keyof TicketDraft>(k: K, v: TicketDraft[K]) => {
    patch({ [k]: v } as Partial<TicketDraft>);
    if (errors[k as string]) setErrors({ ...errors, [k as string]: '' });
  };
  const err = (path: string) => (errors[path] ? { message: errors[path] } : undefined);
  const parts = { d, set, err };

  const submit = async (confirmDuplicate = false) => {
    setFormError(null);
    const input = toCreateInput(d, confirmDuplicate);
    // The same schema the backend uses: the same message at the same field before anything is sent.
    const parsed = CreateTicketInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    const r = await run('tickets:create', input);
    if (r.ok) {
      message.success(t('ticket.created', { no: r.value.ticket.ticketNo }));
      setLast(r.value.ticket);
      setNoticeJob(null);
      setErrors({});
      clear();
      setTimeout(() => first.current?.querySelector<HTMLInputElement>('input')?.focus(), 0);
      return;
    }
    if (r.error.message === 'err.ticket.duplicate') {
      const dup = r.error.details?.duplicate as { ticketNo: string } | undefined;
      modal.confirm({
        title: t('err.ticket.duplicate'),
        content: dup?.ticketNo,
        okText: t('ticket.createAnyway'),
        cancelText: t('common.cancel'),
        onOk: () => submit(true),
      });
      return;
    }
    const placed = Object.fromEntries((r.error.issues ?? []).map((i) => [i.path, i.message]));
    setErrors(placed);
    if (!Object.keys(placed).length) setFormError(tError(r.error.message));
  };

  const printNotice = async () => {
    if (!last) return;
    setNoticeJob(await requestPrint({ docType: 'ticket_notice', docId: last.id, layout: 'roll80' }));
  };

  return (
    <Row gutter={20}>
      <Col xs={24} xl={15}>
        <Card
          title={
            <span>
              {t('ticket.intakeTitle')}
              <span className="kbd">{SHORTCUTS.intake}</span>
            </span>
          }
          extra={
            <Space>
              <span style={{ color: '#888', fontSize: 13 }}>{t('ticket.keyboardHint')}</span>
              <Button size="small" onClick={() => (clear(), setErrors({}))} data-testid="ticket-clear">
                {t('ticket.clearDraft')}
              </Button>
            </Space>
          }
        >
          {formError && <Alert type="error" message={formError} style={{ marginBottom: 12 }} showIcon />}
          <Form
            layout="vertical"
            component="div"
            data-form
            onKeyDown={(ev) => formKeyDown(ev, () => void submit())}
            data-testid="ticket-form"
          >
            <TicketHeadFields {...parts} first={first} />
            <CustomerFields {...parts} />
            <ClassifierFields {...parts} tree={tree} patch={patch} />
            <DetailFields {...parts} />
            <KindFields {...parts} />
            <Button type="primary" onClick={() => void submit()} data-testid="ticket-submit" style={{ marginTop: 8 }}>
              {t('ticket.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <LastTicket last={last} noticeJob={noticeJob} onPrint={() => void printNotice()} />
      </Col>
    </Row>
  );
}

/** The ticket just taken, with its notice for the customer printed on demand. */
function LastTicket(props: { last: TicketView | null; noticeJob: string | null; onPrint: () => void }) {
  const { t } = useTranslation();
  const { last, noticeJob } = props;
  return (
    <>
      {last && (
        <Card title={t('ticket.last')} style={{ marginBottom: 12 }} data-testid="ticket-last">
          <p>
            <b>{last.ticketNo}</b> · {t(`ticketKind.${last.kind}`)} · {last.label}
          </p>
          <Button onClick={props.onPrint} data-testid="ticket-print-notice">
            {t('ticket.printNotice')}
          </Button>
        </Card>
      )}
      {noticeJob && last && (
        <DocumentPanel
          key={noticeJob}
          title={t('ticket.notice')}
          emptyText=""
          doc={{ docType: 'ticket_notice', docId: last.id, number: last.ticketNo }}
          jobId={noticeJob}
          testId="ticket-notice"
        />
      )}
    </>
  );
}
