import { useState } from 'react';
import { Alert, Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { SignInInput } from '../../../../src/console/contract/session';
import { call, ConsoleCallError } from '../../api';
import { TextField } from '../../forms/TextField';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { useConsoleSession } from '../../stores/session';
import { LanguageSwitch } from '../../shell/LanguageSwitch';

/** Login and password; then, for a user with TOTP, the six digits of their authenticator. */
export function SignInPage() {
  const { t } = useTranslation();
  const signedIn = useConsoleSession((s) => s.signedIn);
  const [askTotp, setAskTotp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useConsoleForm(SignInInput, { defaultValues: { login: '', password: '' } });
  const { control, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      signedIn(await call('session.signIn', values));
    } catch (e) {
      if (e instanceof ConsoleCallError && e.code === 'totp_required') return setAskTotp(true);
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <div className="gate">
      <Card title={t('console.title')} extra={<LanguageSwitch />} style={{ width: 380 }}>
        <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
          {problem && <Alert type="error" showIcon message={problem} data-testid="signin-problem" style={{ marginBottom: 16 }} />}
          <TextField
            control={control}
            name="login"
            kind="username"
            label={t('console.signIn.login')}
            testId="signin-login"
            autoFocus
          />
          <TextField
            control={control}
            name="password"
            kind="current-password"
            label={t('console.signIn.password')}
            testId="signin-password"
          />
          {askTotp && (
            <TextField
              control={control}
              name="totp"
              kind="code"
              label={t('console.signIn.totp')}
              testId="signin-totp"
              autoFocus
            />
          )}
          <Button type="primary" htmlType="submit" block loading={formState.isSubmitting} data-testid="signin-submit">
            {t('console.signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
