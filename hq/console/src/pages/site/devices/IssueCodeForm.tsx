import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { IssueCodeInput } from '../../../../../src/console/contract/devices';
import { call } from '../../../api';
import { Field } from '../../../../../../ui/Field';
import { useConsoleForm } from '../../../forms/useConsoleForm';
import type { IssuedCode } from './deviceTypes';

/** A new desk's enrolment code: the desk code it will be (A2, B1…); HQ refuses one a device already has. */
export function IssueCodeForm(props: { siteId: string; onIssued: (issued: IssuedCode) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useConsoleForm(IssueCodeInput, { defaultValues: { siteId: props.siteId, deviceCode: '' } });
  const { control, handleSubmit, formState, reset } = form;
  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      props.onIssued(await call('devices.issueCode', values));
      reset({ siteId: props.siteId, deviceCode: '' });
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <Form layout="inline" onSubmitCapture={(e) => (e.preventDefault(), void submit())} style={{ marginBottom: 16 }}>
      <Field
        label={t('devices.issue.deviceCode')}
        error={formState.errors.deviceCode}
        testId="devices-issue-code"
        extra={t('devices.issue.hint')}
        required
      >
        <Controller
          name="deviceCode"
          control={control}
          render={({ field }) => <Input {...field} maxLength={8} style={{ width: 120 }} data-testid="devices-issue-code" />}
        />
      </Field>
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="devices-issue-submit">
        {t('devices.issue.submit')}
      </Button>
      {problem && <Alert type="error" showIcon message={problem} data-testid="devices-issue-problem" />}
    </Form>
  );
}
