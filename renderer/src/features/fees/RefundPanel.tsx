import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../../../../shared/api/contract';
import { RefundFields } from '../../../../shared/api/feeSchemas';
import { PAY_METHODS, type PayMethod } from '../../../../shared/domain/fees';
import { fmtYuan } from '../../../../shared/print/format';
import { run } from '../../api/useDesk';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';
import { SupervisorApprovalModal } from '../../forms/SupervisorApprovalModal';

type Account = ProcOutput<'fees:account'>;
type Values = z.input<typeof RefundFields>;
const FIELDS = ['amount', 'method', 'reference'];

/**
 * 退款: pays back a unit's credit (paid ahead, or a month paid twice by two desks). The cashier types
 * amount, method and reference; the form checks them (same schema as the API, and not above the
 * credit) before a shift leader or manager approves with their PIN and the reason. A cash refund
 * comes out of this shift's drawer, so the drawer expects that much less.
 */
export function RefundPanel(props: { account: Account; onRefunded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const creditFen = -props.account.balanceFen;
  const [pending, setPending] = useState<{ values: Values; amountFen: number } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError, getValues, reset } = useForm<
    Values,
    unknown,
    z.output<typeof RefundFields>
  >({
    resolver: zodResolver(RefundFields),
    defaultValues: { unitId: props.account.unitId, amount: (creditFen / 100).toFixed(2), method: 'cash', reference: '' },
  });
  const method = useWatch({ control, name: 'method' });

  const next = handleSubmit((v) => {
    setFormError(null);
    if (v.amount > creditFen) return setError('amount', { message: 'err.fee.refundOverCredit' });
    setPending({ values: getValues(), amountFen: v.amount });
  });

  return (
    <Card size="small" title={t('fee.refundTitle')} data-testid="fee-refund-card" style={{ marginTop: 16 }}>
      <Alert type="info" style={{ marginBottom: 12 }} message={t('fee.refundCredit', { amount: fmtYuan(creditFen) })} />
      {formError && <Alert type="error" style={{ marginBottom: 12 }} message={formError} data-testid="fee-refund-error" />}
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void next())}>
        <Space align="start" wrap>
          <Field label={t('fee.refundAmount')} error={formState.errors.amount} required testId="refund-amount">
            <Controller
              name="amount"
              control={control}
              render={({ field }) => <Input {...field} prefix="¥" style={{ width: 140 }} data-testid="refund-amount" />}
            />
          </Field>
          <Field label={t('fee.refundMethod')} error={formState.errors.method} required testId="refund-method">
            <Controller
              name="method"
              control={control}
              render={({ field }) => (
                <Select
                  value={field.value}
                  onChange={(v: PayMethod) => field.onChange(v)}
                  style={{ width: 140 }}
                  options={PAY_METHODS.map((p) => ({ value: p, label: t(`fee.methodName.${p}`) }))}
                  data-testid="refund-method"
                />
              )}
            />
          </Field>
          {method !== 'cash' && (
            <Field label={t('fee.refundReference')} error={formState.errors.reference} required testId="refund-reference">
              <Controller
                name="reference"
                control={control}
                render={({ field }) => <Input {...field} style={{ width: 220 }} data-testid="refund-reference" />}
              />
            </Field>
          )}
        </Space>
        <div>
          <Button danger onClick={() => void next()} data-testid="fee-refund">
            {t('fee.refund')} (Ctrl+Enter)
          </Button>
        </div>
      </Form>
      <SupervisorApprovalModal
        open={!!pending}
        title={t('fee.refundApproveTitle', { amount: fmtYuan(pending?.amountFen ?? 0), unit: props.account.unitCode })}
        okText={t('fee.refund')}
        reasonLabel={t('fee.refundReason')}
        fieldPrefix="approval"
        testId="refund"
        submitTestId="refund-submit"
        onCancel={() => setPending(null)}
        onApprove={async (approval) => {
          const r = await run('fees:refund', { ...pending!.values, unitId: props.account.unitId, approval });
          if (!r.ok) {
            // The approval's own problems stay in the dialog; the refund's go back to their fields.
            const atForm = r.error.issues?.some((i) => !i.path.startsWith('approval'));
            if (!atForm && (r.error.issues?.length || r.error.code === 'forbidden')) return r.error;
            setPending(null);
            setFormError(applyServerErrors(setError, r.error, FIELDS));
            return null;
          }
          message.success(t('fee.refundDone', { amount: fmtYuan(pending!.amountFen) }));
          setPending(null);
          reset();
          props.onRefunded();
          return null;
        }}
      >
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          message={t('fee.refundIntro', {
            amount: fmtYuan(pending?.amountFen ?? 0),
            method: t(`fee.methodName.${pending?.values.method ?? 'cash'}`),
          })}
        />
      </SupervisorApprovalModal>
    </Card>
  );
}
