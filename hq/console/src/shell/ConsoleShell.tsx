import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes } from '../routes';
import { navigate, useRoute } from '../route';
import { useConsoleSession } from '../stores/session';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every page: the menu of what this user's role may open, who is signed in, the page. */
export function ConsoleShell() {
  const { t } = useTranslation();
  const user = useConsoleSession((s) => s.user)!;
  const signOut = useConsoleSession((s) => s.signOut);
  const { parts } = useRoute();
  const allowed = routes.filter((r) => r.roles.includes(user.role));
  const route = allowed.find((r) => r.key === parts[0]) ?? allowed.find((r) => r.menu);
  const Page = route?.page;
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider className="console-sider" width={200} theme="dark">
        <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600 }}>{t('console.title')}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={route ? [route.key] : []}
          items={allowed.filter((r) => r.menu).map((r) => ({ key: r.key, label: t(r.labelKey) }))}
          onClick={(e) => navigate(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header" style={{ background: '#fff', padding: '0 24px', textAlign: 'right' }}>
          <Space>
            <Typography.Text data-testid="console-user">
              {user.name} · {t(`console.role.${user.role}`)}
            </Typography.Text>
            <LanguageSwitch />
            <Button size="small" data-testid="console-signout" onClick={() => void signOut()}>
              {t('console.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content" style={{ margin: 24 }}>
          {Page && <Page parts={route.key === parts[0] ? parts.slice(1) : []} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
