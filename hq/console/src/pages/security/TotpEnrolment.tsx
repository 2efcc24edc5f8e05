import { useEffect, useState } from 'react';
import { Alert, Button, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { TotpConfirmInput } from '../../../../src/console/contract/accounts';
import { call, ConsoleCallError } from '../../api';
import { TextField } from '../../forms/TextField';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { useConsoleSession } from '../../stores/session';

/**
 * Enrolling an authenticator: HQ makes a secret, shown as the otpauth:// QR and as text (for an app that
 * cannot scan); it is switched on only when a first code from it is typed, so a failed scan locks nobody out.
 */
export function TotpEnrolment() {
  const { t } = useTranslation();
  const user = useConsoleSession((s) => s.user!);
  const signedIn = useConsoleSession((s) => s.signedIn);
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useConsoleForm(TotpConfirmInput, { defaultValues: { code: '' } });
  const { control, handleSubmit, formState } = form;
  useEffect(() => {
    if (secret) void QRCode.toDataURL(secret.uri, { margin: 1, width: 200 }).then(setQr);
  }, [secret]);
  const begin = async () => {
    setProblem(null);
    try {
      setSecret(await call('accounts.totpBegin', {}));
    } catch (e) {
      setProblem(t(e instanceof ConsoleCallError ? e.message : 'console.err.internal'));
    }
  };
  const confirm = handleSubmit(async (values) => {
    setProblem(null);
    try {
      signedIn(await call('accounts.totpConfirm', values));
      setSecret(null);
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  if (user.totp) return <Alert type="success" showIcon message={t('accounts.totpIsOn')} data-testid="totp-on" />;
  if (!secret)
    return (
      <Space direction="vertical">
        {problem && <Alert type="error" showIcon message={problem} />}
        <Typography.Paragraph>{t('accounts.totpWhy')}</Typography.Paragraph>
        <Button onClick={() => void begin()} data-testid="totp-begin">
          {t('accounts.totpBegin')}
        </Button>
      </Space>
    );
  return (
    <Form layout="vertical" style={{ maxWidth: 420 }} onSubmitCapture={(e) => (e.preventDefault(), void confirm())}>
      {problem && <Alert type="error" showIcon message={problem} data-testid="totp-problem" />}
      <Typography.Paragraph>{t('accounts.totpScan')}</Typography.Paragraph>
      {qr && <img src={qr} alt={t('accounts.totpQr')} width={200} height={200} data-testid="totp-qr" />}
      <Typography.Paragraph>
        {t('accounts.totpSecret')}{' '}
        <Typography.Text code copyable data-testid="totp-secret">
          {secret.secret}
        </Typography.Text>
      </Typography.Paragraph>
      <TextField control={control} name="code" kind="code" label={t('accounts.totpFirstCode')} testId="totp-code" autoFocus />
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="totp-confirm">
        {t('accounts.totpConfirm')}
      </Button>
    </Form>
  );
}
