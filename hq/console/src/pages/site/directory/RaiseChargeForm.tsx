import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { RaiseChargeInput } from '../../../../../src/console/contract/directory';
import { FEE_ITEM_CODES } from '../../../../../../shared/domain/fees';
import { fmtYuan } from '../../../../../../shared/print/format';
import { call } from '../../../api';
import { Field } from '../../../../../../ui/Field';
import { useConsoleForm } from '../../../forms/useConsoleForm';
import { useConsoleQuery } from '../../../useConsoleQuery';
import { deskError } from '../../../deskWords';

type Values = z.input<typeof RaiseChargeInput>;

const blank = (siteId: string, item: Values['item'] = 'service'): Values => ({
  siteId,
  requestId: crypto.randomUUID(),
  unitCode: '',
  item,
  period: dayjs().format('YYYY-MM'),
  amount: '',
  note: '',
});

/** 登记一笔应收 at HQ, by the desk's rules: the unit from the site's directory, the amount by the item's rule. */
export function RaiseChargeForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const units = useConsoleQuery('directory.units', { siteId });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useConsoleForm<Values, z.output<typeof RaiseChargeInput>>(RaiseChargeInput, { defaultValues: blank(siteId) });
  const { control, handleSubmit, formState, reset } = form;
  const submit = handleSubmit(async (values: Values) => {
    setProblem(null);
    setDone(null);
    try {
      const c = await call('directory.raiseCharge', values);
      setDone(
        t('desk:fee.raised', {
          unit: c.unitCode,
          period: c.period,
          item: t(`desk:feeItem.${c.item}`),
          amount: fmtYuan(c.amountFen),
        }),
      );
      reset(blank(siteId, values.item));
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  const text = (name: 'period' | 'amount' | 'note', label: string, extra?: object) => (
    <Field label={t(label)} error={deskError(formState.errors[name])} testId={`raise-${name}`} required={name === 'period'}>
      <Controller
        name={name}
        control={control}
        render={({ field }) => <Input {...field} value={field.value ?? ''} {...extra} data-testid={`raise-${name}`} />}
      />
    </Field>
  );
  return (
    <Card size="small" title={t('desk:fee.raiseTitle')} data-testid="raise-charge">
      <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
        {done && <Alert type="success" showIcon message={done} style={{ marginBottom: 12 }} data-testid="raise-done" />}
        <Field label={t('desk:fee.unit')} error={deskError(formState.errors.unitCode)} testId="raise-unit" required>
          <Controller
            name="unitCode"
            control={control}
            render={({ field }) => (
              <Select
                {...field}
                showSearch
                allowClear
                loading={units.loading}
                data-testid="raise-unit"
                notFoundContent={t('directory.noUnits')}
                options={(units.data ?? []).map((u) => ({ value: u.code, label: u.code }))}
              />
            )}
          />
        </Field>
        <Field label={t('desk:fee.item')} error={deskError(formState.errors.item)} testId="raise-item" required>
          <Controller
            name="item"
            control={control}
            render={({ field }) => (
              <Select
                {...field}
                data-testid="raise-item"
                options={FEE_ITEM_CODES.map((i) => ({ value: i, label: t(`desk:feeItem.${i}`) }))}
              />
            )}
          />
        </Field>
        {text('period', 'desk:fee.period', { maxLength: 7 })}
        {text('amount', 'desk:fee.amountYuan', { inputMode: 'decimal', placeholder: t('desk:fee.amountByArea') })}
        {text('note', 'desk:fee.note', { maxLength: 100 })}
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="raise-submit">
          {t('desk:fee.raise')}
        </Button>
      </Form>
    </Card>
  );
}
