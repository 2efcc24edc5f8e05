import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DrawerMoveInput } from '../../../../shared/api/drawerSchemas';
import { run } from '../../api/useDesk';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { useSchemaForm } from '../../forms/useSchemaForm';

type Values = z.input<typeof DrawerMoveInput>;
const EMPTY: Values = { direction: 'out', amount: '', reason: '' };

/**
 * Cash in or out of the drawer with its reason. After 登记 the amount and reason are cleared (issue 12:
 * they stayed, and the next click recorded the same move again) and the cursor is back on the amount.
 */
export function DrawerMoveForm(props: { onMoved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { control, handleSubmit, formState, reset, setFocus, serverErrors } = useSchemaForm(DrawerMoveInput, {
    defaultValues: EMPTY,
  });
  // Counted moves: the cursor goes back to the amount once the cleared form has rendered.
  const [moved, setMoved] = useState(0);
  useEffect(() => {
    if (moved) setFocus('amount');
  }, [moved, setFocus]);
  const e = formState.errors;
  const submit = handleSubmit(async (values) => {
    const r = await run('drawer:move', values);
    if (!r.ok) {
      const other = serverErrors(r.error);
      if (other) message.error(other);
      return;
    }
    reset({ ...EMPTY, direction: values.direction });
    setMoved((n) => n + 1);
    message.success(t('drawer.moved'));
    props.onMoved();
  });
  return (
    <Form layout="vertical" component="div" data-form onKeyDown={(ev) => formKeyDown(ev, () => void submit())}>
      <Space align="start" wrap style={{ marginTop: 12 }}>
        <Field label={t('drawer.kind')} error={e.direction}>
          <Controller
            name="direction"
            control={control}
            render={({ field }) => (
              <Select
                {...field}
                style={{ width: 100 }}
                data-testid="drawer-move-direction"
                options={[
                  { value: 'in', label: t('drawer.in') },
                  { value: 'out', label: t('drawer.out') },
                ]}
              />
            )}
          />
        </Field>
        <Field label={t('drawer.amount')} error={e.amount} testId="drawer-move-amount">
          <Controller
            name="amount"
            control={control}
            render={({ field }) => <Input {...field} prefix="¥" style={{ width: 140 }} data-testid="drawer-move-amount" />}
          />
        </Field>
        <Field label={t('drawer.reason')} error={e.reason} testId="drawer-move-reason">
          <Controller
            name="reason"
            control={control}
            render={({ field }) => <Input {...field} style={{ width: 220 }} data-testid="drawer-move-reason" />}
          />
        </Field>
        <Form.Item label=" ">
          <Button onClick={() => void submit()} loading={formState.isSubmitting} data-testid="drawer-move-submit">
            {t('drawer.record')}
          </Button>
        </Form.Item>
      </Space>
    </Form>
  );
}
