import { useEffect, useRef } from 'react';
import { Alert, Button, Checkbox, Col, DatePicker, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { UnitInfo } from '../../../../shared/api/releasePassSchemas';
import type { HostMatch } from '../../../../shared/api/schemas';
import { deskTime } from '../../../../shared/domain/deskTime';
import { ID_TYPES } from '../../../../shared/domain/idDocument';
import { CONSENT_METHODS, PASS_REASONS, PASS_RELATIONS, authorityNeeded } from '../../../../shared/domain/releasePass';
import { fmtYuan } from '../../../../shared/print/format';
import { Field } from '../../../../ui/Field';
import type { SchemaForm } from '../../forms/useSchemaForm';
import { HostPicker } from '../visitors/HostPicker';
import { ItemsEditor } from './ItemsEditor';
import type { PassFormValues } from './passForm';

type PassForm = SchemaForm<PassFormValues>;

/** Whose goods: the unit (or company), the applicant's relation and, for anyone but the owner, whose consent and how. */
export function UnitFields(props: {
  form: PassForm;
  /** A new value puts the cursor in the unit field (the page opened, a pass was issued). */
  focusKey: string;
  occupant: HostMatch | null;
  unit: UnitInfo | null;
  onOccupant: (id: string | undefined, match: HostMatch | null) => void;
}) {
  const { t } = useTranslation();
  const { control, formState } = props.form;
  const e = formState.errors;
  const { occupant, unit } = props;
  const relation = useWatch({ control, name: 'relation' });
  const unitField = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setTimeout(() => unitField.current?.querySelector<HTMLInputElement>('input')?.focus(), 0);
  }, [props.focusKey]);
  const needed = relation === 'owner' ? null : authorityNeeded(relation, occupant?.role === 'company');
  const consenters = (unit?.occupants ?? []).filter((o) => o.role === needed);
  return (
    <>
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
                    props.onOccupant(v, match);
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
              extra={unit && consenters.length === 0 ? t(needed === 'owner' ? 'pass.noOwner' : 'pass.noContact') : undefined}
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
    </>
  );
}

/** Who carries the goods out: ID document, name and phone. */
export function ApplicantFields(props: { form: PassForm }) {
  const { t } = useTranslation();
  const { control, formState } = props.form;
  const e = formState.errors;
  return (
    <>
      <Col span={8}>
        <Field label={t('visit.idType')} error={e.applicant?.idType} required>
          <Controller
            name="applicant.idType"
            control={control}
            render={({ field }) => <Select {...field} options={ID_TYPES.map((k) => ({ value: k, label: t(`idType.${k}`) }))} />}
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
    </>
  );
}

/** What goes out and why; a whole-unit move-out shows the unit's arrears. */
export function GoodsFields(props: { form: PassForm; unit: UnitInfo | null }) {
  const { t } = useTranslation();
  const { control, formState } = props.form;
  const e = formState.errors;
  const { unit } = props;
  const [reason, wholeUnit] = useWatch({ control, name: ['reason', 'wholeUnit'] });
  return (
    <>
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
                <Checkbox checked={field.value} onChange={(ev) => field.onChange(ev.target.checked)} data-testid="pass-wholeUnit">
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
    </>
  );
}

/** Carrier, plate, the window the pass is valid in (with today / tomorrow) and the note. */
export function WindowFields(props: { form: PassForm }) {
  const { t } = useTranslation();
  const { control, formState, setValue } = props.form;
  const e = formState.errors;
  const [validFrom, validUntil] = useWatch({ control, name: ['validFrom', 'validUntil'] });
  const range: [Dayjs, Dayjs] = [deskTime(validFrom), deskTime(validUntil)];
  return (
    <>
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
          <Controller name="note" control={control} render={({ field }) => <Input {...field} data-testid="pass-note" />} />
        </Field>
      </Col>
    </>
  );
}
