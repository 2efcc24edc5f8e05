import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { deskTime } from '../../../../shared/domain/deskTime';
import { v4 as uuidv4 } from 'uuid';
import { useTranslation } from 'react-i18next';
import { RaiseChargeInput } from '../../../../shared/api/feeSchemas';
import type { HostMatch } from '../../../../shared/api/schemas';
import { FEE_ITEM_CODES, type FeeItemCode } from '../../../../shared/domain/fees';
import { fmtYuan } from '../../../../shared/print/format';
import { run } from '../../api/useDesk';
import { Field } from '../../../../ui/Field';
import { focusNextField, formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';
import { HostPicker } from '../visitors/HostPicker';

type Values = z.input<typeof RaiseChargeInput>;
const FIELDS = ['unitId', 'item', 'period', 'amount', 'note'];
const blank = (): Values => ({
  requestId: uuidv4(),
  unitId: '',
  item: 'repair',
  period: deskTime().format('YYYY-MM'),
  amount: '',
  note: '',
});

/**
 * 登记应收: one charge for one unit (a repair, rubbish removal, a month's fee) by a shift leader or
 * manager. The same schema as the API checks it here; the backend still judges, and a doubled
 * submit carries the same request id, so it raises the charge once.
 */
export function RaiseChargeForm() {
  const { t } = useTranslation();
  const [occupant, setOccupant] = useState<HostMatch | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const unitField = useRef<HTMLDivElement>(null);
  /** Bumped after each charge raised: the next one starts at the unit, once the cleared form has rendered. */
  const [raisedCount, setRaisedCount] = useState(0);
  useEffect(() => {
    if (raisedCount) unitField.current?.querySelector('input')?.focus();
  }, [raisedCount]);
  const { control, handleSubmit, formState, setError, setValue, getValues, reset } = useForm<
    Values,
    unknown,
    z.output<typeof RaiseChargeInput>
  >({ resolver: zodResolver(RaiseChargeInput), defaultValues: blank() });

  // The typed text goes to the backend (it parses the amount itself), once the form's own check passed.
  const submit = handleSubmit(async () => {
    setFormError(null);
    setDone(null);
    const r = await run('fees:raiseCharge', getValues());
    if (!r.ok) return setFormError(applyServerErrors(setError, r.error, FIELDS));
    const c = r.value;
    setDone(
      t('fee.raised', {
        unit: occupant?.unitCode ?? '',
        period: c.period,
        item: t(`feeItem.${c.item}`),
        amount: fmtYuan(c.amountFen),
      }),
    );
    setOccupant(null);
    reset(blank());
    setRaisedCount((n) => n + 1);
  });

  return (
    <Card size="small" title={t('fee.raiseTitle')} data-testid="raise-charge">
      {done && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={done} data-testid="raise-done" />}
      {formError && <Alert type="error" style={{ marginBottom: 12 }} message={formError} data-testid="raise-error" />}
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
        <Field label={t('fee.unit')} error={formState.errors.unitId} required testId="raise-unit">
          <Controller
            name="unitId"
            control={control}
            render={({ field }) => (
              <div ref={unitField}>
                <HostPicker
                  value={occupant?.occupantId}
                  selected={occupant}
                  status={formState.errors.unitId ? 'error' : undefined}
                  onChange={(_v, match) => {
                    setOccupant(match);
                    field.onChange(match?.unitId ?? '');
                  }}
                />
              </div>
            )}
          />
        </Field>
        <Space align="start" wrap>
          <Field label={t('fee.item')} error={formState.errors.item} required testId="raise-item">
            <Controller
              name="item"
              control={control}
              render={({ field }) => (
                <Select
                  showSearch
                  optionFilterProp="label"
                  value={field.value}
                  onChange={(v: FeeItemCode) => setValue('item', v)}
                  // Picking the item answers the field: on to the month, as Enter does elsewhere.
                  onSelect={() => {
                    const input = document.activeElement as HTMLElement | null;
                    setTimeout(() => input && focusNextField(input), 0);
                  }}
                  style={{ width: 200 }}
                  options={FEE_ITEM_CODES.map((c) => ({ value: c, label: t(`feeItem.${c}`) }))}
                  data-testid="raise-item"
                />
              )}
            />
          </Field>
          <Field label={t('fee.period')} error={formState.errors.period} required testId="raise-period">
            <Controller
              name="period"
              control={control}
              render={({ field }) => <Input {...field} placeholder="2026-12" style={{ width: 120 }} data-testid="raise-period" />}
            />
          </Field>
          <Field label={t('fee.amountYuan')} error={formState.errors.amount} testId="raise-amount" extra={t('fee.amountByArea')}>
            <Controller
              name="amount"
              control={control}
              render={({ field }) => <Input {...field} prefix="¥" style={{ width: 140 }} data-testid="raise-amount" />}
            />
          </Field>
        </Space>
        <Field label={t('fee.note')} error={formState.errors.note} testId="raise-note">
          <Controller name="note" control={control} render={({ field }) => <Input {...field} data-testid="raise-note" />} />
        </Field>
        <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="raise-submit">
          {t('fee.raise')}
        </Button>
      </Form>
    </Card>
  );
}
