import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SignInInput } from '../../../../src/console/contract/session';
import { call, ConsoleCallError } from '../../api';
import { FormField } from '../../forms/FormField';
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
          <FormField label={t('console.signIn.login')} error={formState.errors.login} testId="signin-login" required>
            <Controller
              name="login"
              control={control}
              render={({ field }) => <Input {...field} autoFocus autoComplete="username" data-testid="signin-login" />}
            />
          </FormField>
          <FormField label={t('console.signIn.password')} error={formState.errors.password} testId="signin-password" required>
            <Controller
              name="password"
              control={control}
              render={({ field }) => <Input.Password {...field} autoComplete="current-password" data-testid="signin-password" />}
            />
          </FormField>
          {askTotp && (
            <FormField label={t('console.signIn.totp')} error={formState.errors.totp} testId="signin-totp" required>
              <Controller
                name="totp"
                control={control}
                render={({ field }) => (
                  <Input
                    {...field}
                    value={field.value ?? ''}
                    autoFocus
                    inputMode="numeric"
                    maxLength={6}
                    data-testid="signin-totp"
                  />
                )}
              />
            </FormField>
          )}
          <Button type="primary" htmlType="submit" block loading={formState.isSubmitting} data-testid="signin-submit">
            {t('console.signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
