import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangeOwnPasswordInput } from '../../../../src/console/contract/accounts';
import { call } from '../../api';
import { Field } from '../../../../../ui/Field';
import { TextField } from '../../forms/TextField';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { useConsoleSession } from '../../stores/session';

/** One's own password: the current one, the new one twice (a typo would lock its owner out). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const signedIn = useConsoleSession((s) => s.signedIn);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [repeat, setRepeat] = useState('');
  const [repeatWrong, setRepeatWrong] = useState(false);
  const form = useConsoleForm(ChangeOwnPasswordInput, { defaultValues: { currentPassword: '', password: '' } });
  const { control, handleSubmit, formState, reset } = form;
  const submit = handleSubmit(async (values) => {
    setProblem(null);
    setDone(false);
    setRepeatWrong(values.password !== repeat);
    if (values.password !== repeat) return;
    try {
      const user = await call('accounts.changeOwnPassword', values);
      reset();
      setRepeat('');
      setDone(true);
      signedIn(user);
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <Form layout="vertical" style={{ maxWidth: 420 }} onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
      {problem && <Alert type="error" showIcon message={problem} data-testid="password-problem" />}
      {done && <Alert type="success" showIcon message={t('accounts.passwordChanged')} data-testid="password-done" />}
      <TextField
        control={control}
        name="currentPassword"
        kind="current-password"
        label={t('accounts.currentPassword')}
        testId="password-current"
      />
      <TextField
        control={control}
        name="password"
        kind="new-password"
        label={t('accounts.newPassword')}
        extra={t('accounts.passwordRule')}
        testId="password-new"
      />
      <Field
        label={t('accounts.repeatPassword')}
        error={repeatWrong ? { message: 'accounts.err.repeatDiffers' } : undefined}
        testId="password-repeat"
        required
      >
        <Input.Password
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          autoComplete="new-password"
          data-testid="password-repeat"
        />
      </Field>
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="password-submit">
        {t('accounts.changePassword')}
      </Button>
    </Form>
  );
}
