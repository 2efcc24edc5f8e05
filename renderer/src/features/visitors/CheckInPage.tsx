import { useEffect, useRef, useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { v4 as uuidv4 } from 'uuid';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import { CheckInInput, type HostMatch, type Visit, type VisitorProfile } from '../../../../shared/api/schemas';
import { ID_TYPES, idNumberProblem } from '../../../../shared/domain/idDocument';
import { HOST_CONFIRM_METHODS } from '../../../../shared/domain/visits';
import { run } from '../../api/useDesk';
import { desk } from '../../api/desk';
import { SHORTCUTS, useNav } from '../../stores/nav';
import { Field } from '../../forms/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';
import { printJobInBrowser } from '../../print/printing';
import { HostPicker } from './HostPicker';
import { HostPhone } from './HostPhone';
import { DenyOverrideModal, type DenyHit } from './DenyOverrideModal';
import { DocumentPanel } from '../../print/DocumentPanel';

interface CheckInValues {
  /** Made when the form opens: a retried submit of the same registration returns the first visit. */
  requestId: string;
  visitor: { idType: (typeof ID_TYPES)[number]; idNumber: string; name: string; phone: string };
  partySize: number;
  hostOccupantId: string;
  purpose: string;
  plate: string;
  expectedMinutes: number;
  confirmHost: boolean;
  hostConfirmation: { confirmedBy: string; method: (typeof HOST_CONFIRM_METHODS)[number] };
  note: string;
}

const toInput = (v: CheckInValues) => ({
  requestId: v.requestId,
  visitor: v.visitor,
  partySize: v.partySize,
  hostOccupantId: v.hostOccupantId,
  purpose: v.purpose,
  plate: v.plate,
  expectedMinutes: v.expectedMinutes,
  hostConfirmation: v.confirmHost ? v.hostConfirmation : undefined,
  note: v.note,
});

const FIELDS = [
  'visitor.idType',
  'visitor.idNumber',
  'visitor.name',
  'visitor.phone',
  'partySize',
  'hostOccupantId',
  'purpose',
  'plate',
  'expectedMinutes',
  'hostConfirmation.confirmedBy',
  'hostConfirmation.method',
  'note',
];
const PURPOSES = ['visit', 'business', 'delivery', 'maintenance', 'interview', 'express', 'other'] as const;
const DURATIONS = [30, 60, 120, 240, 480, 720];

const empty = (expectedMinutes = 120): CheckInValues => ({
  requestId: uuidv4(),
  visitor: { idType: 'resident_id', idNumber: '', name: '', phone: '' },
  partySize: 1,
  hostOccupantId: '',
  purpose: '',
  plate: '',
  expectedMinutes,
  confirmHost: false,
  hostConfirmation: { confirmedBy: '', method: 'phone' },
  note: '',
});

/** 访客登记: keyboard-first; Enter moves on, Ctrl+Enter registers and prints the pass. */
export function CheckInPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const focusTick = useNav((s) => s.focusTick);
  const firstField = useRef<HTMLInputElement>(null);
  // The same schema as the backend validates the form: the two can never disagree.
  const resolver = zodResolver(z.preprocess((v) => toInput(v as CheckInValues), CheckInInput) as never, undefined, {
    raw: true,
  }) as unknown as Resolver<CheckInValues>;
  const form = useForm<CheckInValues>({ resolver, defaultValues: empty() });
  const { control, handleSubmit, setError, formState, reset, setValue, getValues } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const [profile, setProfile] = useState<VisitorProfile | null>(null);
  const [onSite, setOnSite] = useState<VisitorProfile['onSite']>(null);
  const [host, setHost] = useState<HostMatch | null>(null);
  const [denyHit, setDenyHit] = useState<DenyHit | null>(null);
  const [last, setLast] = useState<{ visit: Visit; jobId: string | null } | null>(null);
  const confirmHost = useWatch({ control, name: 'confirmHost' });
  const formKey = useWatch({ control, name: 'requestId' });

  useEffect(() => {
    void run('settings:get').then((r) => r.ok && setValue('expectedMinutes', r.value.defaultVisitMinutes));
  }, [setValue]);
  useEffect(() => firstField.current?.focus(), [focusTick]);

  // A recall answers the form it was asked from: once that form is registered (or cleared) its answer
  // is dropped, or the visitor just registered would fill the next visitor's form. Likewise when the
  // field it was asked for has changed meanwhile.
  const recall = async (field: 'idNumber' | 'phone') => {
    const asked = { form: getValues('requestId'), value: getValues(`visitor.${field}`) };
    if (field === 'idNumber') setOnSite(null);
    const r = await run('visits:recall', { [field]: asked.value });
    const stale = getValues('requestId') !== asked.form || getValues(`visitor.${field}`) !== asked.value;
    if (stale || !r.ok || !r.value) return;
    const p = r.value;
    setOnSite(p.onSite);
    if (getValues('visitor.name')) return;
    setProfile(p);
    // The recall answers the ID number and phone masked: what was typed (or read off the card) stays as it is.
    const idNumber = getValues('visitor.idNumber');
    setValue(
      'visitor',
      {
        idType: idNumber ? getValues('visitor.idType') : p.idType,
        idNumber,
        name: p.name,
        phone: getValues('visitor.phone'),
      },
      { shouldValidate: true },
    );
    if (!getValues('plate')) setValue('plate', p.plate);
  };

  const clearForm = () => {
    reset(empty(getValues('expectedMinutes')));
    setProfile(null);
    setOnSite(null);
    setHost(null);
    setFormError(null);
  };

  const finish = async (visit: Visit, jobId: string | null) => {
    message.success(t('visit.checkedIn', { name: visit.visitorName, passNo: visit.passNo }));
    setLast({ visit, jobId });
    // Close any open suggestion list before the form empties and the next visitor's first field
    // takes the focus; the blur's own recall belongs to the registered form and is dropped.
    (document.activeElement as HTMLElement | null)?.blur();
    clearForm();
    setTimeout(() => firstField.current?.focus(), 0);
    if (jobId && desk.mode === 'browser') await printJobInBrowser(jobId);
  };

  const submitWith = async (values: CheckInValues, denyOverride?: { staffNo: string; pin: string; reason: string }) => {
    const r = await run('visits:checkIn', { ...toInput(values), denyOverride });
    if (r.ok) {
      setDenyHit(null);
      await finish(r.value.visit, r.value.printJobId);
      return null;
    }
    if (r.error.code === 'deny_list_hit') {
      setDenyHit(r.error.details?.entry as DenyHit);
      return null;
    }
    if (denyOverride && (r.error.issues ?? []).some((i) => i.path.startsWith('denyOverride'))) return r.error;
    setDenyHit(null);
    setFormError(applyServerErrors(setError, r.error, FIELDS));
    return null;
  };
  const submit = () => handleSubmit((values) => submitWith(values).then(() => undefined))();

  const idType = useWatch({ control, name: 'visitor.idType' });
  return (
    <Row gutter={20}>
      <Col xs={24} xl={14}>
        <Card
          title={
            <span>
              {t('visit.checkInTitle')}
              <span className="kbd">{SHORTCUTS.checkIn}</span>
            </span>
          }
          extra={<span style={{ color: '#888', fontSize: 13 }}>{t('visit.keyboardHint')}</span>}
        >
          {formError && <Alert type="error" message={formError} style={{ marginBottom: 12 }} showIcon />}
          {onSite && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="already-on-site"
              message={t('visit.alreadyOnSite', {
                passNo: onSite.passNo,
                time: deskTime(onSite.checkedInAt).format('MM-DD HH:mm'),
                unit: onSite.hostUnitCode,
              })}
            />
          )}
          {profile && (
            <div className="recall" data-testid="recall-banner">
              {t('visit.returning', { count: profile.visits, date: deskTime(profile.lastVisitAt).format('YYYY-MM-DD') })}
              {profile.idNumberMasked && <span data-testid="recall-id">{` · ${profile.idNumberMasked}`}</span>}
              {profile.lastHost && (
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    setHost(profile.lastHost);
                    setValue('hostOccupantId', profile.lastHost!.occupantId, { shouldValidate: true });
                  }}
                >
                  {t('visit.sameHost', { host: `${profile.lastHost.unitCode} ${profile.lastHost.name}` })}
                </Button>
              )}
            </div>
          )}
          {/* A new registration is a new form: its fields mount afresh, so no list of the last one stays open. */}
          <Form
            key={formKey}
            layout="vertical"
            component="div"
            data-form
            onKeyDown={(e) => formKeyDown(e, () => void submit())}
            data-testid="checkin-form"
          >
            <Row gutter={12}>
              <Col span={8}>
                <Field label={t('visit.idType')} error={e.visitor?.idType} required>
                  <Controller
                    name="visitor.idType"
                    control={control}
                    render={({ field }) => (
                      <Select
                        {...field}
                        data-testid="visitor-idType"
                        options={ID_TYPES.map((k) => ({ value: k, label: t(`idType.${k}`) }))}
                      />
                    )}
                  />
                </Field>
              </Col>
              <Col span={16}>
                <Field label={t('visit.idNumber')} error={e.visitor?.idNumber} required testId="visitor-idNumber">
                  <Controller
                    name="visitor.idNumber"
                    control={control}
                    render={({ field }) => (
                      <Input
                        {...field}
                        ref={(el) => {
                          field.ref(el);
                          firstField.current = el?.input ?? null;
                        }}
                        data-testid="visitor-idNumber"
                        autoComplete="off"
                        onBlur={() => {
                          field.onBlur();
                          if (!idNumberProblem(idType, field.value)) void recall('idNumber');
                        }}
                      />
                    )}
                  />
                </Field>
              </Col>
              <Col span={10}>
                <Field label={t('visit.name')} error={e.visitor?.name} required testId="visitor-name">
                  <Controller
                    name="visitor.name"
                    control={control}
                    render={({ field }) => <Input {...field} data-testid="visitor-name" autoComplete="off" />}
                  />
                </Field>
              </Col>
              <Col span={10}>
                <Field label={t('visit.phone')} error={e.visitor?.phone} required testId="visitor-phone">
                  <Controller
                    name="visitor.phone"
                    control={control}
                    render={({ field }) => (
                      <Input
                        {...field}
                        data-testid="visitor-phone"
                        autoComplete="off"
                        onBlur={() => {
                          field.onBlur();
                          if (field.value.length >= 7) void recall('phone');
                        }}
                      />
                    )}
                  />
                </Field>
              </Col>
              <Col span={4}>
                <Field label={t('visit.partySize')} error={e.partySize} required>
                  <Controller
                    name="partySize"
                    control={control}
                    render={({ field }) => (
                      <InputNumber {...field} min={1} max={50} style={{ width: '100%' }} data-testid="visitor-partySize" />
                    )}
                  />
                </Field>
              </Col>
              <Col span={24}>
                <Field label={t('visit.host')} error={e.hostOccupantId} required testId="host">
                  <Controller
                    name="hostOccupantId"
                    control={control}
                    render={({ field }) => (
                      <HostPicker
                        value={field.value}
                        selected={host}
                        status={e.hostOccupantId ? 'error' : undefined}
                        onBlur={field.onBlur}
                        onChange={(v, match) => {
                          field.onChange(v ?? '');
                          setHost(match);
                          // The person who confirms is usually the host: prefill, still editable.
                          if (match && !getValues('hostConfirmation.confirmedBy'))
                            setValue('hostConfirmation.confirmedBy', match.name);
                        }}
                      />
                    )}
                  />
                </Field>
                {host && <HostPhone key={host.occupantId} host={host} />}
              </Col>
              <Col span={12}>
                <Field label={t('visit.purpose')} error={e.purpose} required testId="purpose">
                  <Controller
                    name="purpose"
                    control={control}
                    render={({ field }) => (
                      <AutoComplete
                        {...field}
                        data-testid="visitor-purpose"
                        options={PURPOSES.map((p) => ({ value: t(`purpose.${p}`) }))}
                        filterOption={(input, option) => String(option?.value ?? '').includes(input)}
                      />
                    )}
                  />
                </Field>
              </Col>
              <Col span={6}>
                <Field label={t('visit.plate')} error={e.plate} testId="plate">
                  <Controller
                    name="plate"
                    control={control}
                    render={({ field }) => <Input {...field} data-testid="visitor-plate" placeholder={t('visit.plateHint')} />}
                  />
                </Field>
              </Col>
              <Col span={6}>
                <Field label={t('visit.expected')} error={e.expectedMinutes} required>
                  <Controller
                    name="expectedMinutes"
                    control={control}
                    render={({ field }) => (
                      <Select
                        {...field}
                        data-testid="visitor-expected"
                        options={DURATIONS.map((m) => ({ value: m, label: t('visit.minutes', { count: m, hours: m / 60 }) }))}
                      />
                    )}
                  />
                </Field>
              </Col>
              <Col span={24}>
                <Controller
                  name="confirmHost"
                  control={control}
                  render={({ field }) => (
                    <Checkbox
                      checked={field.value}
                      onChange={(ev) => field.onChange(ev.target.checked)}
                      data-testid="confirm-host"
                      style={{ marginBottom: 10 }}
                    >
                      {t('visit.confirmHost')}
                    </Checkbox>
                  )}
                />
              </Col>
              {confirmHost && (
                <>
                  <Col span={12}>
                    <Field label={t('visit.confirmedBy')} error={e.hostConfirmation?.confirmedBy} required>
                      <Controller
                        name="hostConfirmation.confirmedBy"
                        control={control}
                        render={({ field }) => <Input {...field} data-testid="confirmed-by" />}
                      />
                    </Field>
                  </Col>
                  <Col span={12}>
                    <Field label={t('visit.confirmMethod')} error={e.hostConfirmation?.method} required>
                      <Controller
                        name="hostConfirmation.method"
                        control={control}
                        render={({ field }) => (
                          <Select
                            {...field}
                            options={HOST_CONFIRM_METHODS.map((m) => ({ value: m, label: t(`confirmMethod.${m}`) }))}
                          />
                        )}
                      />
                    </Field>
                  </Col>
                </>
              )}
              <Col span={24}>
                <Field label={t('visit.note')} error={e.note}>
                  <Controller
                    name="note"
                    control={control}
                    render={({ field }) => <Input {...field} data-testid="visitor-note" />}
                  />
                </Field>
              </Col>
            </Row>
            <Space>
              <Button
                type="primary"
                size="large"
                onClick={() => void submit()}
                loading={formState.isSubmitting}
                data-submit
                data-testid="checkin-submit"
              >
                {t('visit.submit')}
                <span className="kbd" style={{ color: '#fff', background: 'transparent', borderColor: '#ffffff88' }}>
                  Ctrl+Enter
                </span>
              </Button>
              <Button size="large" onClick={clearForm}>
                {t('common.clear')}
              </Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <DocumentPanel
          key={last?.jobId ?? 'none'}
          title={t('visit.passPreview')}
          emptyText={t('visit.noPassYet')}
          doc={last ? { docType: 'visitor_pass', docId: last.visit.id, number: last.visit.passNo } : null}
          jobId={last?.jobId ?? null}
          testId="pass"
        />
      </Col>
      <DenyOverrideModal
        hit={denyHit}
        onCancel={() => setDenyHit(null)}
        onApprove={(approval) => submitWith(getValues(), approval)}
      />
    </Row>
  );
}
