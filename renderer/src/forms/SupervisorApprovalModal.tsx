import type { ReactNode } from 'react';
import { Form, Input, Modal } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { supervisorApproval } from '../../../shared/api/fields';
import type { ApiError } from '../../../shared/api/result';
import { Field } from '../../../ui/Field';
import { formKeyDown } from './keyboard';

export type Approval = z.input<typeof supervisorApproval>;

/**
 * A second person's approval on the spot (deny-list override, move-out with arrears, …): a shift
 * leader or manager types their own staff number and PIN and a reason. `fieldPrefix` is where the
 * backend reports the approval's field errors (e.g. `denyOverride.pin`).
 */
export function SupervisorApprovalModal(props: {
  open: boolean;
  title: string;
  okText: string;
  reasonLabel: string;
  fieldPrefix: string;
  /** Test ids: `${testId}-staffNo`, `${testId}-pin`, `${testId}-reason` and the given submit id. */
  testId: string;
  submitTestId: string;
  children: ReactNode;
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
      const field = issue.path.replace(`${props.fieldPrefix}.`, '') as keyof Approval;
      if (['staffNo', 'pin', 'reason'].includes(field)) setError(field, { message: issue.message });
    }
    if (error.code === 'forbidden' && !error.issues?.length) setError('staffNo', { message: 'err.approval.role' });
  });
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: true, loading: formState.isSubmitting, ...{ 'data-testid': props.submitTestId } }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        reset();
        props.onCancel();
      }}
      destroyOnHidden
    >
      {props.children}
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
        <Field label={t('deny.supervisorNo')} error={formState.errors.staffNo} required testId={`${props.testId}-staffNo`}>
          <Controller
            name="staffNo"
            control={control}
            render={({ field }) => <Input {...field} autoFocus data-testid={`${props.testId}-staffNo`} />}
          />
        </Field>
        <Field label={t('deny.supervisorPin')} error={formState.errors.pin} required testId={`${props.testId}-pin`}>
          <Controller
            name="pin"
            control={control}
            render={({ field }) => <Input.Password {...field} data-testid={`${props.testId}-pin`} />}
          />
        </Field>
        <Field label={props.reasonLabel} error={formState.errors.reason} required>
          <Controller
            name="reason"
            control={control}
            render={({ field }) => <Input {...field} data-testid={`${props.testId}-reason`} />}
          />
        </Field>
      </Form>
    </Modal>
  );
}
