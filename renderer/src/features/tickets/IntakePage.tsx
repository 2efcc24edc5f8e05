import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateTicketInput, type TicketView } from '../../../../shared/api/ticketSchemas';
import { SEVERITIES, TICKET_CHANNELS, TICKET_KINDS, URGENCIES } from '../../../../shared/domain/tickets';
import { run, useDeskQuery } from '../../api/useDesk';
import { SHORTCUTS, useNav } from '../../stores/nav';
import { Field } from '../../forms/Field';
import { formKeyDown } from '../../forms/keyboard';
import { tError } from '../../i18n';
import { requestPrint } from '../../print/printing';
import { DocumentPanel } from '../../print/DocumentPanel';
import { HostPicker } from '../visitors/HostPicker';
import { toCreateInput, useTicketDraft, type TicketDraft } from './draft';

type Errors = Record<string, string>;
const label = (l: { zh: string; en: string }, lang: string) => (lang === 'en' ? l.en : l.zh);

/**
 * 咨询/投诉/报修/建议/留言 intake: one screen, the kind first; Enter moves on, Ctrl+Enter submits. The
 * draft is kept (localStorage) while the customer speaks and when the desk leaves the page.
 */
export function IntakePage() {
  const { t, i18n } = useTranslation();
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

  const place = tree?.places.find((p) => p.code === d.place);
  const category = place?.categories.find((c) => c.code === d.category);

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

  const k = d.kind;
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
            <Row gutter={12}>
              <Col span={8}>
                <div ref={first}>
                  <Field label={t('ticket.kind')} required error={err('kind')}>
                    <Select
                      data-testid="ticket-kind"
                      showSearch
                      optionFilterProp="label"
                      value={k ?? undefined}
                      placeholder={t('ticket.kindHint')}
                      onChange={(v) => set('kind', v)}
                      options={TICKET_KINDS.map((x) => ({ value: x, label: t(`ticketKind.${x}`) }))}
                    />
                  </Field>
                </div>
              </Col>
              <Col span={8}>
                <Field label={t('ticket.channel')} required error={err('channel')}>
                  <Select
                    data-testid="ticket-channel"
                    value={d.channel}
                    onChange={(v) => set('channel', v)}
                    options={TICKET_CHANNELS.map((x) => ({ value: x, label: t(`ticketChannel.${x}`) }))}
                  />
                </Field>
              </Col>
              {k === 'complaint' && (
                <Col span={8}>
                  <Field label={t('ticket.severity')} required error={err('severity')} testId="ticket-severity">
                    <Select
                      data-testid="ticket-severity"
                      value={d.severity ?? undefined}
                      onChange={(v) => set('severity', v)}
                      options={SEVERITIES.map((x) => ({ value: x, label: t(`ticketSeverity.${x}`) }))}
                    />
                  </Field>
                </Col>
              )}
              {k === 'repair' && (
                <Col span={8}>
                  <Field label={t('ticket.urgency')} required error={err('urgency')} testId="ticket-urgency">
                    <Select
                      data-testid="ticket-urgency"
                      value={d.urgency ?? undefined}
                      onChange={(v) => set('urgency', v)}
                      options={URGENCIES.map((x) => ({ value: x, label: t(`ticketUrgency.${x}`) }))}
                    />
                  </Field>
                </Col>
              )}
            </Row>
            <Row gutter={12}>
              <Col span={10}>
                <Field label={t('ticket.customer')} error={err('occupantId')} extra={t('ticket.customerHint')}>
                  <HostPicker
                    value={d.occupant?.occupantId}
                    selected={d.occupant}
                    onChange={(_id, match) => set('occupant', match)}
                  />
                </Field>
              </Col>
              <Col span={5}>
                <Field label={t('ticket.name')} error={err('customer.name')} testId="ticket-name">
                  <Input
                    data-testid="ticket-name"
                    value={d.customer.name}
                    onChange={(e) => set('customer', { ...d.customer, name: e.target.value })}
                  />
                </Field>
              </Col>
              <Col span={4}>
                <Field label={t('ticket.unit')} error={err('customer.unitCode')}>
                  <Input
                    data-testid="ticket-unit"
                    value={d.customer.unitCode}
                    onChange={(e) => set('customer', { ...d.customer, unitCode: e.target.value })}
                  />
                </Field>
              </Col>
              <Col span={5}>
                <Field label={t('ticket.phone')} error={err('customer.phone')}>
                  <Input
                    data-testid="ticket-phone"
                    value={d.customer.phone}
                    onChange={(e) => set('customer', { ...d.customer, phone: e.target.value })}
                  />
                </Field>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={8}>
                <Field label={t('ticket.place')} required error={err('place')}>
                  <Select
                    data-testid="ticket-place"
                    showSearch
                    optionFilterProp="label"
                    value={d.place || undefined}
                    onChange={(v) => patch({ place: v, category: '', problem: '' })}
                    options={(tree?.places ?? []).map((p) => ({ value: p.code, label: label(p, i18n.language) }))}
                  />
                </Field>
              </Col>
              <Col span={8}>
                <Field label={t('ticket.category')} required error={err('category')} testId="ticket-category">
                  <Select
                    data-testid="ticket-category"
                    showSearch
                    optionFilterProp="label"
                    value={d.category || undefined}
                    onChange={(v) => patch({ category: v, problem: '' })}
                    options={(place?.categories ?? []).map((c) => ({ value: c.code, label: label(c, i18n.language) }))}
                  />
                </Field>
              </Col>
              <Col span={8}>
                <Field label={t('ticket.problem')} required error={err('problem')}>
                  <Select
                    data-testid="ticket-problem"
                    showSearch
                    optionFilterProp="label"
                    value={d.problem || undefined}
                    onChange={(v) => set('problem', v)}
                    options={(category?.problems ?? []).map((p) => ({ value: p.code, label: label(p, i18n.language) }))}
                  />
                </Field>
              </Col>
            </Row>
            <Field label={t('ticket.description')} required error={err('description')} testId="ticket-description">
              <Input.TextArea
                data-testid="ticket-description"
                rows={2}
                value={d.description}
                onChange={(e) => set('description', e.target.value)}
              />
            </Field>
            <Row gutter={12}>
              <Col span={12}>
                <Field label={t('ticket.wants')} error={err('wants')}>
                  <Input data-testid="ticket-wants" value={d.wants} onChange={(e) => set('wants', e.target.value)} />
                </Field>
              </Col>
              <Col span={12}>
                <Field
                  label={k === 'complaint' ? t('ticket.concerned') : t('ticket.location')}
                  error={err(k === 'complaint' ? 'concerned' : 'location')}
                >
                  {k === 'complaint' ? (
                    <Input
                      data-testid="ticket-concerned"
                      value={d.concerned}
                      onChange={(e) => set('concerned', e.target.value)}
                    />
                  ) : (
                    <Input data-testid="ticket-location" value={d.location} onChange={(e) => set('location', e.target.value)} />
                  )}
                </Field>
              </Col>
            </Row>
            {k === 'complaint' && (
              <Checkbox
                style={{ display: 'block', marginBottom: 8 }}
                data-testid="ticket-anonymous"
                checked={d.anonymous}
                onChange={(e) => set('anonymous', e.target.checked)}
              >
                {t('ticket.anonymous')}
              </Checkbox>
            )}
            {k === 'repair' && (
              <Row gutter={12}>
                <Col span={5}>
                  <Field label={t('ticket.paid')} error={err('paid')}>
                    <Checkbox data-testid="ticket-paid" checked={d.paid} onChange={(e) => set('paid', e.target.checked)}>
                      {t('ticket.paidService')}
                    </Checkbox>
                  </Field>
                </Col>
                <Col span={5}>
                  <Field label={t('ticket.charge')} error={err('chargeFen')} testId="ticket-charge">
                    <Input
                      data-testid="ticket-charge"
                      value={d.chargeYuan}
                      suffix="元"
                      onChange={(e) => set('chargeYuan', e.target.value)}
                    />
                  </Field>
                </Col>
                <Col span={5}>
                  <Field label={t('ticket.chargeAgreed')} error={err('chargeAgreed')}>
                    <Checkbox
                      data-testid="ticket-agreed"
                      checked={d.chargeAgreed}
                      onChange={(e) => set('chargeAgreed', e.target.checked)}
                    >
                      {t('ticket.yes')}
                    </Checkbox>
                  </Field>
                </Col>
                <Col span={5}>
                  <Field label={t('ticket.convenientTime')} error={err('convenientTime')}>
                    <Input
                      data-testid="ticket-convenient"
                      value={d.convenientTime}
                      onChange={(e) => set('convenientTime', e.target.value)}
                    />
                  </Field>
                </Col>
                <Col span={4}>
                  <Field label={t('ticket.leakTestDate')} error={err('leakTestDate')}>
                    <Input type="date" value={d.leakTestDate} onChange={(e) => set('leakTestDate', e.target.value)} />
                  </Field>
                </Col>
              </Row>
            )}
            {k === 'inquiry' && (
              <Field label={t('ticket.promisedReply')} error={err('promisedReplyAt')}>
                <Input type="datetime-local" value={d.promisedReplyAt} onChange={(e) => set('promisedReplyAt', e.target.value)} />
              </Field>
            )}
            {k === 'message' && (
              <Field label={t('ticket.target')} required error={err('targetOccupantId')}>
                <HostPicker value={d.target?.occupantId} selected={d.target} onChange={(_id, match) => set('target', match)} />
              </Field>
            )}
            <Button type="primary" onClick={() => void submit()} data-testid="ticket-submit" style={{ marginTop: 8 }}>
              {t('ticket.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        {last && (
          <Card title={t('ticket.last')} style={{ marginBottom: 12 }} data-testid="ticket-last">
            <p>
              <b>{last.ticketNo}</b> · {t(`ticketKind.${last.kind}`)} · {last.label}
            </p>
            <Button onClick={() => void printNotice()} data-testid="ticket-print-notice">
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
      </Col>
    </Row>
  );
}
