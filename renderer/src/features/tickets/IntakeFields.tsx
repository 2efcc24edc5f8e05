import type { RefObject } from 'react';
import { Checkbox, Col, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../../../../shared/api/contract';
import { SEVERITIES, TICKET_CHANNELS, TICKET_KINDS, URGENCIES } from '../../../../shared/domain/tickets';
import { Field } from '../../../../ui/Field';
import { HostPicker } from '../visitors/HostPicker';
import type { TicketDraft } from './draft';

/** What every part of the intake form is given: the draft, how to change one field, a field's error. */
export interface IntakeFieldProps {
  d: TicketDraft;
  set: <K extends keyof TicketDraft>(k: K, v: TicketDraft[K]) => void;
  err: (path: string) => { message: string } | undefined;
}

const label = (l: { zh: string; en: string }, lang: string) => (lang === 'en' ? l.en : l.zh);

/** The kind first (it has the focus when the page opens), the channel, and the complaint's or repair's grade. */
export function TicketHeadFields({ d, set, err, first }: IntakeFieldProps & { first: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const k = d.kind;
  return (
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
  );
}

/** Who is asking: a directory pick, or a name, unit and phone typed in. */
export function CustomerFields({ d, set, err }: IntakeFieldProps) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col span={10}>
        <Field label={t('ticket.customer')} error={err('occupantId')} extra={t('ticket.customerHint')}>
          <HostPicker value={d.occupant?.occupantId} selected={d.occupant} onChange={(_id, match) => set('occupant', match)} />
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
  );
}

/** Place, category and problem from the site's classifier: each choice narrows the next. */
export function ClassifierFields(
  props: IntakeFieldProps & {
    tree: ProcOutput<'tickets:classifier'> | undefined;
    patch: (p: Partial<TicketDraft>) => void;
  },
) {
  const { d, set, err, tree, patch } = props;
  const { t, i18n } = useTranslation();
  const place = tree?.places.find((p) => p.code === d.place);
  const category = place?.categories.find((c) => c.code === d.category);
  return (
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
  );
}

/** What happened, what the customer wants, and who is concerned (a complaint) or where (the rest). */
export function DetailFields({ d, set, err }: IntakeFieldProps) {
  const { t } = useTranslation();
  const k = d.kind;
  return (
    <>
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
              <Input data-testid="ticket-concerned" value={d.concerned} onChange={(e) => set('concerned', e.target.value)} />
            ) : (
              <Input data-testid="ticket-location" value={d.location} onChange={(e) => set('location', e.target.value)} />
            )}
          </Field>
        </Col>
      </Row>
    </>
  );
}

/** The fields only one kind has: anonymity, a repair's charge and times, an inquiry's reply, a message's addressee. */
export function KindFields({ d, set, err }: IntakeFieldProps) {
  const { t } = useTranslation();
  const k = d.kind;
  return (
    <>
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
    </>
  );
}
