import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RevokeInput } from '../../../../../src/console/contract/devices';
import { call } from '../../../api';
import { Field } from '../../../../../../ui/Field';
import { useConsoleForm } from '../../../forms/useConsoleForm';
import type { DeviceRow } from './deviceTypes';

/**
 * "Revoke A1?": the confirmation names the desk and asks why (the reason goes to the audit trail). A
 * revocation is for good, so the dialog says so and points to replacing the device for a new PC.
 */
export function RevokeDialog(props: { siteId: string; device: DeviceRow; onClose: (revoked: boolean) => void }) {
  const { t } = useTranslation();
  const { device } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const form = useConsoleForm(RevokeInput, { defaultValues: { siteId: props.siteId, deviceId: device.id, reason: '' } });
  const { control, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await call('devices.revoke', values);
      props.onClose(true);
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <Modal
      open
      title={t('devices.revoke.title', { code: device.code })}
      okText={t('devices.revoke.submit', { code: device.code })}
      okButtonProps={{ danger: true, loading: formState.isSubmitting, ...{ 'data-testid': 'devices-revoke-confirm' } }}
      cancelText={t('devices.cancel')}
      onOk={() => void submit()}
      onCancel={() => props.onClose(false)}
    >
      <div data-testid="devices-revoke-dialog">
        <Typography.Paragraph>{t('devices.revoke.explain', { code: device.code })}</Typography.Paragraph>
        {problem && (
          <Alert type="error" showIcon message={problem} data-testid="devices-revoke-problem" style={{ marginBottom: 12 }} />
        )}
        <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
          <Field label={t('devices.revoke.reason')} error={formState.errors.reason} testId="devices-revoke-reason" required>
            <Controller
              name="reason"
              control={control}
              render={({ field }) => (
                <Input.TextArea {...field} autoFocus rows={2} maxLength={300} data-testid="devices-revoke-reason" />
              )}
            />
          </Field>
        </Form>
      </div>
    </Modal>
  );
}
