import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Dayjs } from 'dayjs';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import { IssuePassInput, type ReleasePass, type UnitInfo } from '../../../../shared/api/releasePassSchemas';
import type { HostMatch } from '../../../../shared/api/schemas';
import type { ApiError } from '../../../../shared/api/result';
import { ID_TYPES } from '../../../../shared/domain/idDocument';
import { CONSENT_METHODS, PASS_REASONS, PASS_RELATIONS, authorityNeeded } from '../../../../shared/domain/releasePass';
import { fmtYuan } from '../../../../shared/print/format';
import { run } from '../../api/useDesk';
import { desk } from '../../api/desk';
import { SHORTCUTS, useNav } from '../../stores/nav';
import { Field } from '../../forms/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';
import { printJobInBrowser } from '../../print/printing';
import { HostPicker } from '../visitors/HostPicker';
import { ItemsEditor } from './ItemsEditor';
import { ArrearsApprovalModal } from './ArrearsApprovalModal';
import { DocumentPanel } from '../../print/DocumentPanel';
import { emptyPass, passFields, toIssueInput, type PassFormValues } from './passForm';

/** The directory role of the chosen entry suggests the applicant's relation; the desk may change it. */
const RELATION_FOR_ROLE = { owner: 'owner', tenant: 'tenant', company: 'company_staff', family: 'agent' } as const;

/** 物品放行条 at the desk: keyboard-first; Enter moves on (and adds item lines), Ctrl+Enter issues and prints. */
export function IssuePassPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const focusTick = useNav((s) => s.focusTick);
  // The same schema as the backend validates the form: the two can never disagree.
  const resolver = zodResolver(z.preprocess((v) => toIssueInput(v as PassFormValues), IssuePassInput) as never, undefined, {
    raw: true,
  }) as unknown as Resolver<PassFormValues>;
  const form = useForm<PassFormValues>({ resolver, defaultValues: emptyPass() });
  const { control, handleSubmit, setError, formState, reset, setValue, getValues } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const [occupant, setOccupant] = useState<HostMatch | null>(null);
  const [unit, setUnit] = useState<UnitInfo | null>(null);
  const [arrearsGate, setArrearsGate] = useState<number | null>(null);
  const [last, setLast] = useState<{ pass: ReleasePass; jobId: string } | null>(null);
  const unitField = useRef<HTMLDivElement>(null);
  const [relation, reason, wholeUnit, validFrom, validUntil] = useWatch({
    control,
    name: ['relation', 'reason', 'wholeUnit', 'validFrom', 'validUntil'],
  });

  useEffect(() => {
    setTimeout(() => unitField.current?.querySelector<HTMLInputElement>('input')?.focus(), 0);
  }, [focusTick]);

  const pickOccupant = async (id: string | undefined, match: HostMatch | null) => {
    setOccupant(match);
    setUnit(null);
    if (!id || !match) return;
    setValue('relation', RELATION_FOR_ROLE[match.role]);
    if (match.role !== 'company' && !getValues('applicant.name')) setValue('applicant.name', match.name);
    const r = await run('passes:unitInfo', { occupantId: id });
    if (r.ok) setUnit(r.value);
  };

  const clear = () => {
    reset(emptyPass());
    setOccupant(null);
    setUnit(null);
    setFormError(null);
  };

  const submitWith = async (values: PassFormValues, arrearsApproval?: { staffNo: string; pin: string; reason: string }) => {
    const r = await run('passes:issue', { ...toIssueInput(values), arrearsApproval });
    if (r.ok) {
      setArrearsGate(null);
      message.success(t('pass.issued', { passNo: r.value.pass.passNo }));
      setLast({ pass: r.value.pass, jobId: r.value.printJobId });
      clear();
      (document.activeElement as HTMLElement | null)?.blur();
      setTimeout(() => unitField.current?.querySelector<HTMLInputElement>('input')?.focus(), 0);
      if (desk.mode === 'browser') await printJobInBrowser(r.value.printJobId);
      return null;
    }
    if (r.error.code === 'approval_required') {
      setArrearsGate(Number(r.error.details?.arrearsFen ?? 0));
      return null;
    }
    if (
      arrearsApproval &&
      (r.error.code !== 'invalid_input' || (r.error.issues ?? []).some((i) => i.path.startsWith('arrearsApproval')))
    )
      return r.error as ApiError;
    setArrearsGate(null);
    setFormError(applyServerErrors(setError, r.error, passFields(values.items.length)));
    return null;
  };
  const submit = () => handleSubmit((values) => submitWith(values).then(() => undefined))();

  const needed = relation === 'owner' ? null : authorityNeeded(relation, occupant?.role === 'company');
  const consenters = (unit?.occupants ?? []).filter((o) => o.role === needed);
  const range: [Dayjs, Dayjs] = [deskTime(validFrom), deskTime(validUntil)];
  return (
    <Row gutter={20}>
      <Col xs={24} xl={14}>
        <Card
          title={
            <span>
              {t('pass.issueTitle')}
              <span className="kbd">{SHORTCUTS.passIssue}</span>
            </span>
          }
          extra={<span style={{ color: '#888', fontSize: 13 }}>{t('pass.keyboardHint')}</span>}
        >
          {formError && (
            <Alert type="error" message={formError} style={{ marginBottom: 12 }} showIcon data-testid="pass-form-error" />
          )}
          <Form
            layout="vertical"
            component="div"
            data-form
            onKeyDown={(ev) => formKeyDown(ev, () => void submit())}
            data-testid="pass-form"
          >
            <Row gutter={12}>
              <Col span={14}>
                <div ref={unitField}>
                  <Field label={t('pass.unit')} error={e.occupantId} required testId="pass-unit">
                    <Controller
                      name="occupantId"
                      control={control}
                      render={({ field }) => (
                        <HostPicker
                          value={field.value}
                          selected={occupant}
                          status={e.occupantId ? 'error' : undefined}
                          onBlur={field.onBlur}
                          onChange={(v, match) => {
                            field.onChange(v ?? '');
                            void pickOccupant(v, match);
                          }}
                        />
                      )}
                    />
                  </Field>
                </div>
              </Col>
              <Col span={10}>
                <Field label={t('pass.relation')} error={e.relation} required testId="pass-relation">
                  <Controller
                    name="relation"
                    control={control}
                    render={({ field }) => (
                      <Select
                        {...field}
                        data-testid="pass-relation"
                        options={PASS_RELATIONS.map((r) => ({ value: r, label: t(`passRelation.${r}`) }))}
                      />
                    )}
                  />
                </Field>
              </Col>
              {needed && (
                <>
                  <Col span={14}>
                    <Field
                      label={t(needed === 'owner' ? 'pass.ownerConsent' : 'pass.companyConsent')}
                      error={e.authority?.occupantId}
                      required
                      testId="pass-consent"
                      extra={
                        unit && consenters.length === 0 ? t(needed === 'owner' ? 'pass.noOwner' : 'pass.noContact') : undefined
                      }
                    >
                      <Controller
                        name="authority.occupantId"
                        control={control}
                        render={({ field }) => (
                          <Select
                            {...field}
                            value={field.value || undefined}
                            data-testid="pass-consent"
                            placeholder={t('pass.consentHint')}
                            options={consenters.map((o) => ({ value: o.occupantId, label: `${o.name} · ${o.phoneMasked}` }))}
                          />
                        )}
                      />
                    </Field>
                  </Col>
                  <Col span={10}>
                    <Field label={t('pass.consentMethod')} error={e.authority?.method} required>
                      <Controller
                        name="authority.method"
                        control={control}
                        render={({ field }) => (
                          <Select
                            {...field}
                            data-testid="pass-consent-method"
                            options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consentMethod.${m}`) }))}
                          />
                        )}
                      />
                    </Field>
                  </Col>
                </>
              )}
              <Col span={8}>
                <Field label={t('visit.idType')} error={e.applicant?.idType} required>
                  <Controller
                    name="applicant.idType"
                    control={control}
                    render={({ field }) => (
                      <Select {...field} options={ID_TYPES.map((k) => ({ value: k, label: t(`idType.${k}`) }))} />
                    )}
                  />
                </Field>
              </Col>
              <Col span={16}>
                <Field label={t('pass.applicantId')} error={e.applicant?.idNumber} required testId="applicant-idNumber">
                  <Controller
                    name="applicant.idNumber"
                    control={control}
                    render={({ field }) => <Input {...field} data-testid="applicant-idNumber" autoComplete="off" />}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={t('pass.applicant')} error={e.applicant?.name} required testId="applicant-name">
                  <Controller
                    name="applicant.name"
                    control={control}
                    render={({ field }) => <Input {...field} data-testid="applicant-name" autoComplete="off" />}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={t('visit.phone')} error={e.applicant?.phone} required testId="applicant-phone">
                  <Controller
                    name="applicant.phone"
                    control={control}
                    render={({ field }) => <Input {...field} data-testid="applicant-phone" autoComplete="off" />}
                  />
                </Field>
              </Col>
              <Col span={24}>
                <Field label={t('pass.items')} required>
                  <ItemsEditor control={control} errors={e} />
                </Field>
              </Col>
              <Col span={8}>
                <Field label={t('pass.reason')} error={e.reason} required>
                  <Controller
                    name="reason"
                    control={control}
                    render={({ field }) => (
                      <Select
                        {...field}
                        data-testid="pass-reason"
                        options={PASS_REASONS.map((r) => ({ value: r, label: t(`passReason.${r}`) }))}
                      />
                    )}
                  />
                </Field>
              </Col>
              <Col span={16}>
                {reason === 'moving_out' ? (
                  <Field label=" " error={e.wholeUnit}>
                    <Controller
                      name="wholeUnit"
                      control={control}
                      render={({ field }) => (
                        <Checkbox
                          checked={field.value}
                          onChange={(ev) => field.onChange(ev.target.checked)}
                          data-testid="pass-wholeUnit"
                        >
                          {t('pass.wholeUnit')}
                        </Checkbox>
                      )}
                    />
                  </Field>
                ) : (
                  <Field label={t('pass.reasonNote')} error={e.reasonNote} required={reason === 'other'}>
                    <Controller
                      name="reasonNote"
                      control={control}
                      render={({ field }) => <Input {...field} data-testid="pass-reasonNote" />}
                    />
                  </Field>
                )}
              </Col>
              {reason === 'moving_out' && wholeUnit && unit && (
                <Col span={24}>
                  <Alert
                    style={{ marginBottom: 12 }}
                    showIcon
                    data-testid="pass-arrears"
                    type={unit.arrearsFen > 0 ? 'error' : 'success'}
                    message={
                      unit.arrearsFen > 0
                        ? t('pass.arrearsOwed', { unit: unit.unitCode, amount: fmtYuan(unit.arrearsFen) })
                        : t('pass.arrearsNone', { unit: unit.unitCode })
                    }
                  />
                </Col>
              )}
              <Col span={12}>
                <Field label={t('pass.carrier')} error={e.carrier}>
                  <Controller
                    name="carrier"
                    control={control}
                    render={({ field }) => <Input {...field} data-testid="pass-carrier" placeholder={t('pass.carrierHint')} />}
                  />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={t('visit.plate')} error={e.plate} testId="pass-plate">
                  <Controller
                    name="plate"
                    control={control}
                    render={({ field }) => <Input {...field} data-testid="pass-plate" placeholder={t('visit.plateHint')} />}
                  />
                </Field>
              </Col>
              <Col span={24}>
                <Field
                  label={t('pass.window')}
                  error={e.validFrom ?? e.validUntil}
                  required
                  testId="pass-window"
                  extra={t('pass.windowHint')}
                >
                  <Space wrap>
                    <DatePicker.RangePicker
                      showTime={{ format: 'HH:mm', minuteStep: 30 }}
                      format="YYYY-MM-DD HH:mm"
                      value={range}
                      allowClear={false}
                      data-testid="pass-window"
                      onChange={(v) => {
                        if (!v?.[0] || !v[1]) return;
                        setValue('validFrom', v[0].format(), { shouldValidate: formState.isSubmitted });
                        setValue('validUntil', v[1].format(), { shouldValidate: formState.isSubmitted });
                      }}
                    />
                    <Button
                      size="small"
                      tabIndex={-1}
                      autoInsertSpace={false}
                      onClick={() => {
                        setValue('validFrom', deskTime().startOf('hour').format());
                        setValue('validUntil', deskTime().hour(22).startOf('hour').format());
                      }}
                    >
                      {t('pass.windowToday')}
                    </Button>
                    <Button
                      size="small"
                      tabIndex={-1}
                      autoInsertSpace={false}
                      onClick={() => {
                        const d = deskTime().add(1, 'day').startOf('day');
                        setValue('validFrom', d.hour(7).format());
                        setValue('validUntil', d.hour(22).format());
                      }}
                    >
                      {t('pass.windowTomorrow')}
                    </Button>
                  </Space>
                </Field>
              </Col>
              <Col span={24}>
                <Field label={t('visit.note')} error={e.note}>
                  <Controller
                    name="note"
                    control={control}
                    render={({ field }) => <Input {...field} data-testid="pass-note" />}
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
                data-testid="pass-submit"
              >
                {t('pass.submit')}
                <span className="kbd" style={{ color: '#fff', background: 'transparent', borderColor: '#ffffff88' }}>
                  Ctrl+Enter
                </span>
              </Button>
              <Button size="large" onClick={clear}>
                {t('common.clear')}
              </Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <DocumentPanel
          key={last?.jobId ?? 'none'}
          title={t('pass.preview')}
          emptyText={t('pass.noPassYet')}
          doc={last ? { docType: 'release_pass', docId: last.pass.id, number: last.pass.passNo } : null}
          jobId={last?.jobId ?? null}
          testId="release-pass"
        />
      </Col>
      <ArrearsApprovalModal
        arrearsFen={arrearsGate}
        onCancel={() => setArrearsGate(null)}
        onApprove={(a) => submitWith(getValues(), a)}
      />
    </Row>
  );
}
