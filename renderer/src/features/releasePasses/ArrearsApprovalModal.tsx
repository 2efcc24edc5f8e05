import { Alert, Form, Input, Modal } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { supervisorApproval } from '../../../../shared/api/fields';
import type { ApiError } from '../../../../shared/api/result';
import { fmtYuan } from '../../../../shared/print/format';
import { Field } from '../../forms/Field';
import { formKeyDown } from '../../forms/keyboard';

type Approval = z.input<typeof supervisorApproval>;

/**
 * A whole-unit move-out while the unit owes fees stops here: a shift leader (or above) enters their
 * own staff number, PIN and a reason on the spot, and the approval is printed on the pass.
 */
export function ArrearsApprovalModal(props: {
  arrearsFen: number | null;
  onCancel: () => void;
  onApprove: (approval: Approval) => Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  const { control, handleSubmit, formState, setError, reset } = useForm<Approval>({
    resolver: zodResolver(supervisorApproval),
    defaultValues: { staffNo: '', pin: '', reason: '' },
  });
  const submit = handleSubmit(async (values) => {
    const error = await props.onApprove(values);
    if (!error) return reset();
    for (const issue of error.issues ?? []) {
      const field = issue.path.replace(/^arrearsApproval\./, '') as keyof Approval;
      if (['staffNo', 'pin', 'reason'].includes(field)) setError(field, { message: issue.message });
    }
    if (error.code === 'forbidden') setError('staffNo', { message: 'err.approval.role' });
  });
  return (
    <Modal
      open={props.arrearsFen !== null}
      title={t('pass.arrearsTitle')}
      okText={t('pass.arrearsApprove')}
      okButtonProps={{ danger: true, loading: formState.isSubmitting, ...{ 'data-testid': 'arrears-approve' } }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        reset();
        props.onCancel();
      }}
      destroyOnHidden
    >
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="arrears-alert"
        message={t('pass.arrearsIntro', { amount: fmtYuan(props.arrearsFen ?? 0) })}
      />
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
        <Field label={t('deny.supervisorNo')} error={formState.errors.staffNo} required testId="arrears-staffNo">
          <Controller
            name="staffNo"
            control={control}
            render={({ field }) => <Input {...field} autoFocus data-testid="arrears-staffNo" />}
          />
        </Field>
        <Field label={t('deny.supervisorPin')} error={formState.errors.pin} required testId="arrears-pin">
          <Controller
            name="pin"
            control={control}
            render={({ field }) => <Input.Password {...field} data-testid="arrears-pin" />}
          />
        </Field>
        <Field label={t('pass.arrearsReason')} error={formState.errors.reason} required>
          <Controller name="reason" control={control} render={({ field }) => <Input {...field} data-testid="arrears-reason" />} />
        </Field>
      </Form>
    </Modal>
  );
}
