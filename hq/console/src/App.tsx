import { useEffect, useMemo } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useConsoleSession } from './stores/session';
import { SignInPage } from './pages/signIn/SignInPage';
import { ConsoleShell } from './shell/ConsoleShell';
import { MustChangePasswordPage } from './pages/security/MustChangePasswordPage';

const ANTD_LOCALES = { 'zh-Hans': zhCN, 'zh-Hant': zhTW, en: enUS } as const;

/** Sign-in, then the console. */
export function App() {
  const { i18n, t } = useTranslation();
  const phase = useConsoleSession((s) => s.phase);
  const refresh = useConsoleSession((s) => s.refresh);
  const mustChange = useConsoleSession((s) => s.user?.mustChangePassword ?? false);
  useEffect(() => void refresh(), [refresh]);
  useEffect(() => void (document.title = t('console.title')), [t, i18n.language]);
  const locale = useMemo(() => ANTD_LOCALES[i18n.language as keyof typeof ANTD_LOCALES] ?? zhCN, [i18n.language]);
  return (
    <ConfigProvider locale={locale} theme={{ token: { colorPrimary: '#14548f', borderRadius: 6 } }}>
      <AntApp style={{ height: '100%' }}>
        {phase === 'loading' && (
          <div className="gate">
            <Spin size="large" />
          </div>
        )}
        {phase === 'signedOut' && <SignInPage />}
        {phase === 'signedIn' && (mustChange ? <MustChangePasswordPage /> : <ConsoleShell />)}
      </AntApp>
    </ConfigProvider>
  );
}
