import { lazy, Suspense, useEffect, useMemo } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useSession } from './stores/session';
import { SetupPage } from './features/setup/SetupPage';
import { SignInPage } from './features/auth/SignInPage';

/**
 * The desk behind the sign-in (the shift gate, the shell and every page) is its own chunk: the first screen
 * loads without it, and it is fetched as soon as that screen is up, so it is there by the time the PIN is typed.
 */
const loadDesk = () => import('./shell/DeskGate');
const DeskGate = lazy(() => loadDesk().then((m) => ({ default: m.DeskGate })));

const ANTD_LOCALES = { 'zh-Hans': zhCN, 'zh-Hant': zhTW, en: enUS } as const;

/** The gates in order: first-run setup, sign-in (or unlock), the shift handover, then the desk. */
export function App() {
  const { i18n } = useTranslation();
  const phase = useSession((s) => s.phase);
  const refresh = useSession((s) => s.refresh);
  useEffect(() => void refresh(), [refresh]);
  useEffect(() => void loadDesk(), []);
  const locale = useMemo(() => ANTD_LOCALES[i18n.language as keyof typeof ANTD_LOCALES] ?? zhCN, [i18n.language]);

  return (
    <ConfigProvider locale={locale} theme={{ token: { colorPrimary: '#14548f', borderRadius: 6, fontSize: 15 } }}>
      <AntApp style={{ height: '100%' }}>
        {phase === 'loading' && <Gate />}
        {phase === 'setup' && <SetupPage />}
        {(phase === 'signIn' || phase === 'locked') && <SignInPage locked={phase === 'locked'} />}
        {phase === 'ready' && (
          <Suspense fallback={<Gate />}>
            <DeskGate />
          </Suspense>
        )}
      </AntApp>
    </ConfigProvider>
  );
}

/** What shows while the desk is being read: a spinner where the form will be. */
function Gate() {
  return (
    <div className="gate">
      <Spin size="large" />
    </div>
  );
}
