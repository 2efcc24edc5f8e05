import { useEffect, useMemo } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useSession } from './stores/session';
import { SetupPage } from './features/setup/SetupPage';
import { SignInPage } from './features/auth/SignInPage';
import { DeskGate } from './shell/DeskGate';

const ANTD_LOCALES = { 'zh-Hans': zhCN, 'zh-Hant': zhTW, en: enUS } as const;

/** The gates in order: first-run setup, sign-in (or unlock), the shift handover, then the desk. */
export function App() {
  const { i18n } = useTranslation();
  const phase = useSession((s) => s.phase);
  const refresh = useSession((s) => s.refresh);
  useEffect(() => void refresh(), [refresh]);
  const locale = useMemo(() => ANTD_LOCALES[i18n.language as keyof typeof ANTD_LOCALES] ?? zhCN, [i18n.language]);

  return (
    <ConfigProvider locale={locale} theme={{ token: { colorPrimary: '#14548f', borderRadius: 6, fontSize: 15 } }}>
      <AntApp style={{ height: '100%' }}>
        {phase === 'loading' && (
          <div className="gate">
            <Spin size="large" />
          </div>
        )}
        {phase === 'setup' && <SetupPage />}
        {(phase === 'signIn' || phase === 'locked') && <SignInPage locked={phase === 'locked'} />}
        {phase === 'ready' && <DeskGate />}
      </AntApp>
    </ConfigProvider>
  );
}
