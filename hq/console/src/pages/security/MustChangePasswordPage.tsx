import { Alert, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleSession } from '../../stores/session';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After an admin set this user's password (new user, reset): nothing else opens until they choose their own. */
export function MustChangePasswordPage() {
  const { t } = useTranslation();
  const signOut = useConsoleSession((s) => s.signOut);
  return (
    <div className="gate">
      <Card
        title={t('accounts.mustChangeTitle')}
        extra={<LanguageSwitch />}
        style={{ width: 460 }}
        data-testid="must-change-page"
      >
        <Alert type="info" showIcon message={t('accounts.mustChangeWhy')} style={{ marginBottom: 16 }} />
        <ChangePasswordForm />
        <Button type="link" onClick={() => void signOut()} style={{ paddingLeft: 0, marginTop: 8 }}>
          {t('console.signOut')}
        </Button>
      </Card>
    </div>
  );
}
