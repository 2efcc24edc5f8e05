import { useEffect, useState, type ReactNode } from 'react';
import { Button, Dropdown, Layout, Menu } from 'antd';
import {
  AuditOutlined,
  CloudSyncOutlined,
  WarningOutlined,
  AccountBookOutlined,
  BookOutlined,
  ContactsOutlined,
  ExportOutlined,
  FileDoneOutlined,
  SwapOutlined,
  HistoryOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  MailOutlined,
  LogoutOutlined,
  SettingOutlined,
  StopOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roleAtLeast, type Role } from '../../../shared/domain/staff';
import { SESSION_KEYS, SHORTCUTS, pageForKey, sessionKeyAction, useNav, type Page } from '../stores/nav';
import { useSession } from '../stores/session';
import { StatusBar } from './StatusBar';
import { LanguageSwitch } from './LanguageSwitch';
import { ChangePinModal } from '../features/staff/ChangePinModal';
import { CheckInPage } from '../features/visitors/CheckInPage';
import { OnSitePage } from '../features/visitors/OnSitePage';
import { HistoryPage } from '../features/visitors/HistoryPage';
import { IssuePassPage } from '../features/releasePasses/IssuePassPage';
import { IntakePage } from '../features/tickets/IntakePage';
import { TicketBoardPage } from '../features/tickets/TicketBoardPage';
import { TicketStatsPage } from '../features/tickets/TicketStatsPage';
import { PassListPage } from '../features/releasePasses/PassListPage';
import { GatePage } from '../features/releasePasses/GatePage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { DenyListPage } from '../features/deny/DenyListPage';
import { StaffPage } from '../features/staff/StaffPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { LogPage } from '../features/log/LogPage';
import { ShiftPage } from '../features/shifts/ShiftPage';
import { SyncPage } from '../features/sync/SyncPage';
import { FeesPage } from '../features/fees/FeesPage';
import { MailPage } from '../features/mail/MailPage';
import { ConflictsPage } from '../features/conflicts/ConflictsPage';

interface PageDef {
  key: Page;
  icon: ReactNode;
  minRole: Role;
  render: () => ReactNode;
}

const PAGES: PageDef[] = [
  { key: 'checkIn', icon: <UsergroupAddOutlined />, minRole: 'receptionist', render: () => <CheckInPage /> },
  { key: 'onSite', icon: <IdcardOutlined />, minRole: 'receptionist', render: () => <OnSitePage /> },
  { key: 'history', icon: <HistoryOutlined />, minRole: 'receptionist', render: () => <HistoryPage /> },
  { key: 'log', icon: <BookOutlined />, minRole: 'receptionist', render: () => <LogPage /> },
  { key: 'shift', icon: <SwapOutlined />, minRole: 'receptionist', render: () => <ShiftPage /> },
  { key: 'passIssue', icon: <ExportOutlined />, minRole: 'receptionist', render: () => <IssuePassPage /> },
  { key: 'passes', icon: <FileDoneOutlined />, minRole: 'receptionist', render: () => <PassListPage /> },
  // The gate post: a guard sees only this page; the desk may check a pass here too.
  { key: 'gate', icon: <AuditOutlined />, minRole: 'guard', render: () => <GatePage /> },
  { key: 'fees', icon: <AccountBookOutlined />, minRole: 'receptionist', render: () => <FeesPage /> },
  { key: 'intake', icon: <CustomerServiceOutlined />, minRole: 'receptionist', render: () => <IntakePage /> },
  { key: 'tickets', icon: <ToolOutlined />, minRole: 'receptionist', render: () => <TicketBoardPage /> },
  { key: 'ticketStats', icon: <BarChartOutlined />, minRole: 'shift_leader', render: () => <TicketStatsPage /> },
  { key: 'mail', icon: <MailOutlined />, minRole: 'receptionist', render: () => <MailPage /> },
  { key: 'directory', icon: <ContactsOutlined />, minRole: 'receptionist', render: () => <DirectoryPage /> },
  { key: 'deny', icon: <StopOutlined />, minRole: 'receptionist', render: () => <DenyListPage /> },
  { key: 'staff', icon: <TeamOutlined />, minRole: 'receptionist', render: () => <StaffPage /> },
  { key: 'settings', icon: <SettingOutlined />, minRole: 'receptionist', render: () => <SettingsPage /> },
  { key: 'sync', icon: <CloudSyncOutlined />, minRole: 'receptionist', render: () => <SyncPage /> },
  { key: 'conflicts', icon: <WarningOutlined />, minRole: 'shift_leader', render: () => <ConflictsPage /> },
];

/** The desk: menu on the left, the page, and the status bar; F-keys jump between the daily pages. */
export function Shell() {
  const { t } = useTranslation();
  const { page, go } = useNav();
  const { session, lock, signOut } = useSession();
  const [changingPin, setChangingPin] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Ctrl+F12 locks, Ctrl+Shift+F12 signs out; a bare F-key (F12 included) opens its page.
      const action = sessionKeyAction(e);
      if (action) {
        e.preventDefault();
        void (action === 'lock' ? lock() : signOut());
        return;
      }
      const target = pageForKey(e);
      if (target && PAGES.some((p) => p.key === target)) {
        e.preventDefault();
        go(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, lock, signOut]);

  if (!session) return null;
  const visible = PAGES.filter((p) => roleAtLeast(session.staff.role, p.minRole));
  const current = visible.find((p) => p.key === page) ?? visible[0];
  // Every role sees the front desk at least; a role that saw no page would have no shell to show.
  if (!current) return null;

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={210} theme="dark" style={{ background: '#0b3a66' }}>
        <div className="brand">
          {session.siteName}
          <small>
            LobbyDesk · {t('status.desk')} {session.siteCode}-{session.deviceCode}
          </small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          style={{ background: 'transparent' }}
          selectedKeys={[current.key]}
          onClick={(e) => go(e.key as Page)}
          items={visible.map((p) => ({
            key: p.key,
            icon: p.icon,
            label: (
              <span data-testid={`nav-${p.key}`}>
                {t(`nav.${p.key}`)}
                {SHORTCUTS[p.key] && (
                  <span className="kbd" style={{ opacity: 0.8 }}>
                    {SHORTCUTS[p.key]}
                  </span>
                )}
              </span>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 20px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            gap: 12,
            height: 52,
            borderBottom: '1px solid #e5e7eb',
          }}
        >
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: [
                { key: 'pin', icon: <KeyOutlined />, label: t('staff.changePin'), onClick: () => setChangingPin(true) },
                {
                  key: 'lock',
                  icon: <LockOutlined />,
                  label: `${t('auth.lock')} (${SESSION_KEYS.lock})`,
                  onClick: () => void lock(),
                },
                {
                  key: 'out',
                  icon: <LogoutOutlined />,
                  label: `${t('auth.signOut')} (${SESSION_KEYS.signOut})`,
                  onClick: () => void signOut(),
                },
              ],
            }}
          >
            <Button icon={<UserOutlined />} data-testid="user-menu">
              {session.staff.name} · {t(`role.${session.staff.role}`)}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 20, overflow: 'auto' }}>{current.render()}</Layout.Content>
        <StatusBar />
        <ChangePinModal open={changingPin} onClose={() => setChangingPin(false)} />
      </Layout>
    </Layout>
  );
}
