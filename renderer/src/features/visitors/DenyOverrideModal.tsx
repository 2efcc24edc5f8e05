import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { supervisorApproval } from '../../../../shared/api/fields';
import type { ApiError } from '../../../../shared/api/result';
import { Field } from '../../forms/Field';
import { formKeyDown } from '../../forms/keyboard';

export interface DenyHit {
  name: string;
  reason: string;
  idNumberMasked: string;
  validUntil: string | null;
}

type Approval = z.input<typeof supervisorApproval>;

/**
 * A deny-list match stops the check-in. Only a shift leader or manager can let the visitor in,
 * with their own PIN and a reason, on the spot; the override is recorded with the visit.
 */
export function DenyOverrideModal(props: {
  hit: DenyHit | null;
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
      const field = issue.path.replace(/^denyOverride\./, '') as keyof Approval;
      if (['staffNo', 'pin', 'reason'].includes(field)) setError(field, { message: issue.message });
    }
  });
  return (
    <Modal
      open={!!props.hit}
      title={t('deny.hitTitle')}
      okText={t('deny.override')}
      okButtonProps={{ danger: true, loading: formState.isSubmitting, ...{ 'data-testid': 'deny-override-submit' } }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => {
        reset();
        props.onCancel();
      }}
      destroyOnHidden
    >
      {props.hit && (
        <>
          <Alert type="error" showIcon message={t('deny.hitIntro')} style={{ marginBottom: 12 }} data-testid="deny-hit" />
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('visit.name')}>{props.hit.name || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('visit.idNumber')}>{props.hit.idNumberMasked || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deny.reason')}>{props.hit.reason}</Descriptions.Item>
          </Descriptions>
        </>
      )}
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
        <Field label={t('deny.supervisorNo')} error={formState.errors.staffNo} required>
          <Controller
            name="staffNo"
            control={control}
            render={({ field }) => <Input {...field} autoFocus data-testid="deny-staffNo" />}
          />
        </Field>
        <Field label={t('deny.supervisorPin')} error={formState.errors.pin} required testId="deny-pin">
          <Controller name="pin" control={control} render={({ field }) => <Input.Password {...field} data-testid="deny-pin" />} />
        </Field>
        <Field label={t('deny.overrideReason')} error={formState.errors.reason} required>
          <Controller name="reason" control={control} render={({ field }) => <Input {...field} data-testid="deny-reason" />} />
        </Field>
      </Form>
    </Modal>
  );
}
