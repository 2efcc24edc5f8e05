import { useState } from 'react';
import { Alert, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../src/console/contract/accounts';
import { call, ConsoleCallError } from '../../api';
import { useConsoleQuery } from '../../useConsoleQuery';
import { CreateAccountDialog } from './CreateAccountDialog';
import { EditAccountDialog } from './EditAccountDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; user: AccountRow } | null;

/** HQ's own users (the admin's page): who they are, what they may do and where, and their sign-in state. */
export function AccountsPage() {
  const { t } = useTranslation();
  const users = useConsoleQuery('accounts.list', {});
  const sites = useConsoleQuery('sites.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const siteNames = (ids: string[] | null) =>
    ids === null ? t('accounts.allSites') : ids.map((id) => sites.data?.find((s) => s.id === id)?.name ?? id).join('、');
  const closed = (changed: boolean) => {
    setDialog(null);
    if (changed) users.reload();
  };
  const setDisabled = async (u: AccountRow, disabled: boolean) => {
    setProblem(null);
    try {
      await call('accounts.setDisabled', { id: u.id, disabled });
    } catch (e) {
      setProblem(t(e instanceof ConsoleCallError ? e.message : 'console.err.internal'));
    }
    users.reload();
  };
  return (
    <Card
      title={t('accounts.title')}
      data-testid="accounts-page"
      extra={
        <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="accounts-new">
          {t('accounts.create')}
        </Button>
      }
    >
      {(problem ?? users.error) && (
        <Alert type="error" showIcon message={problem ?? t(users.error!.message)} data-testid="accounts-problem" />
      )}
      <Table
        data-testid="accounts-table"
        rowKey="id"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={false}
        onRow={(u) => ({ 'data-testid': `account-row-${u.login}` }) as object}
        columns={[
          { title: t('accounts.login'), dataIndex: 'login' },
          { title: t('accounts.name'), dataIndex: 'name' },
          { title: t('accounts.role'), dataIndex: 'role', render: (r: string) => t(`console.role.${r}`) },
          { title: t('accounts.sites'), dataIndex: 'siteIds', render: siteNames },
          {
            title: t('accounts.state'),
            key: 'state',
            render: (_: unknown, u: AccountRow) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag color="red">{t('accounts.disabled')}</Tag> : <Tag color="green">{t('accounts.active')}</Tag>}
                <Tag color={u.totp ? 'blue' : undefined}>{t(u.totp ? 'accounts.totpOn' : 'accounts.totpOff')}</Tag>
                {u.mustChangePassword && <Tag color="orange">{t('accounts.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('accounts.lastSignIn'),
            dataIndex: 'lastSignInAt',
            render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : t('accounts.never')),
          },
          {
            title: '',
            key: 'acts',
            render: (_: unknown, u: AccountRow) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDialog({ kind: 'edit', user: u })}
                  data-testid={`account-edit-${u.login}`}
                >
                  {t('accounts.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDialog({ kind: 'reset', user: u })}
                  data-testid={`account-reset-${u.login}`}
                >
                  {t('accounts.reset')}
                </Button>
                <Popconfirm
                  title={t(u.disabled ? 'accounts.enableConfirm' : 'accounts.disableConfirm', { name: u.name })}
                  onConfirm={() => setDisabled(u, !u.disabled)}
                  okButtonProps={{ 'data-testid': `account-disable-confirm-${u.login}` }}
                >
                  <Button type="link" size="small" danger={!u.disabled} data-testid={`account-disable-${u.login}`}>
                    {t(u.disabled ? 'accounts.enable' : 'accounts.disable')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' && <CreateAccountDialog onClose={closed} />}
      {dialog?.kind === 'edit' && <EditAccountDialog user={dialog.user} onClose={closed} />}
      {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onClose={closed} />}
    </Card>
  );
}
