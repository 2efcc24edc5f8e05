import type { MutableRefObject } from 'react';
import { AutoComplete, Checkbox, Col, Input, InputNumber, Select } from 'antd';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { HostMatch } from '../../../../shared/api/schemas';
import { ID_TYPES, idNumberProblem } from '../../../../shared/domain/idDocument';
import { HOST_CONFIRM_METHODS } from '../../../../shared/domain/visits';
import { Field } from '../../../../ui/Field';
import { HostPicker } from './HostPicker';
import { HostPhone } from './HostPhone';
import { DURATIONS, PURPOSES, type CheckInFormApi } from './checkInForm';

/** Who is visiting: the ID document, name, phone and party size. A blur on the ID number or phone recalls a returning visitor. */
export function VisitorFields(props: {
  form: CheckInFormApi;
  firstField: MutableRefObject<HTMLInputElement | null>;
  recall: (field: 'idNumber' | 'phone') => void;
}) {
  const { t } = useTranslation();
  const { control, formState } = props.form;
  const e = formState.errors;
  const idType = useWatch({ control, name: 'visitor.idType' });
  return (
    <>
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
                  props.firstField.current = el?.input ?? null;
                }}
                data-testid="visitor-idNumber"
                autoComplete="off"
                onBlur={() => {
                  field.onBlur();
                  if (!idNumberProblem(idType, field.value)) props.recall('idNumber');
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
                  if (field.value.length >= 7) props.recall('phone');
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
    </>
  );
}

/** Whom they visit and why: host, purpose, plate, expected stay and the note. */
export function VisitFields(props: { form: CheckInFormApi; host: HostMatch | null; onHost: (host: HostMatch | null) => void }) {
  const { t } = useTranslation();
  const { control, formState, getValues, setValue } = props.form;
  const e = formState.errors;
  return (
    <>
      <Col span={24}>
        <Field label={t('visit.host')} error={e.hostOccupantId} required testId="host">
          <Controller
            name="hostOccupantId"
            control={control}
            render={({ field }) => (
              <HostPicker
                value={field.value}
                selected={props.host}
                status={e.hostOccupantId ? 'error' : undefined}
                onBlur={field.onBlur}
                onChange={(v, match) => {
                  field.onChange(v ?? '');
                  props.onHost(match);
                  // The person who confirms is usually the host: prefill, still editable.
                  if (match && getValues('hostConfirmation') && !getValues('hostConfirmation.confirmedBy'))
                    setValue('hostConfirmation.confirmedBy', match.name);
                }}
              />
            )}
          />
        </Field>
        {props.host && <HostPhone key={props.host.occupantId} host={props.host} />}
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
      <HostConfirmationFields form={props.form} host={props.host} />
      <Col span={24}>
        <Field label={t('visit.note')} error={e.note}>
          <Controller name="note" control={control} render={({ field }) => <Input {...field} data-testid="visitor-note" />} />
        </Field>
      </Col>
    </>
  );
}

/** "Host confirmed" ticked: who confirmed and how. Unticked, the visit carries no confirmation. */
function HostConfirmationFields(props: { form: CheckInFormApi; host: HostMatch | null }) {
  const { t } = useTranslation();
  const { control, formState, setValue } = props.form;
  const e = formState.errors;
  const confirmation = useWatch({ control, name: 'hostConfirmation' });
  return (
    <>
      <Col span={24}>
        <Checkbox
          checked={confirmation !== undefined}
          onChange={(ev) =>
            setValue(
              'hostConfirmation',
              ev.target.checked ? { confirmedBy: props.host?.name ?? '', method: 'phone' } : undefined,
              { shouldValidate: formState.isSubmitted },
            )
          }
          data-testid="confirm-host"
          style={{ marginBottom: 10 }}
        >
          {t('visit.confirmHost')}
        </Checkbox>
      </Col>
      {confirmation && (
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
                  <Select {...field} options={HOST_CONFIRM_METHODS.map((m) => ({ value: m, label: t(`confirmMethod.${m}`) }))} />
                )}
              />
            </Field>
          </Col>
        </>
      )}
    </>
  );
}
