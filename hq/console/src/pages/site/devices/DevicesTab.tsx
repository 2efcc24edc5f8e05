import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Popconfirm, Space, Table, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, ConsoleCallError } from '../../../api';
import { useConsoleSession } from '../../../stores/session';
import { useConsoleQuery } from '../../../useConsoleQuery';
import { deviceColumns } from './deviceColumns';
import { IssueCodeForm } from './IssueCodeForm';
import { IssuedCodeNotice } from './IssuedCodeNotice';
import { RevokeDialog } from './RevokeDialog';
import type { DeviceRow, IssuedCode } from './deviceTypes';

/** What the admin may do to one desk: replace it (a code for its new PC) or revoke it, once confirmed. */
function DeviceActions(props: { d: DeviceRow; onReplace: (d: DeviceRow) => void; onRevoke: (d: DeviceRow) => void }) {
  const { t } = useTranslation();
  const { d } = props;
  return (
    <Space>
      {/* A revoked desk is replaced too (its PC's secret was revoked, or it died): once, by its successor. */}
      {!d.replacedBy && (
        <Popconfirm
          title={t('devices.replace.confirm', { code: d.code })}
          description={t('devices.replace.explain', { code: d.code })}
          okText={t('devices.replace.ok')}
          cancelText={t('devices.cancel')}
          onConfirm={() => props.onReplace(d)}
        >
          <Button size="small" data-testid={`device-${d.code}-replace`}>
            {t('devices.replace.button')}
          </Button>
        </Popconfirm>
      )}
      {d.state === 'active' && (
        <Button size="small" danger onClick={() => props.onRevoke(d)} data-testid={`device-${d.code}-revoke`}>
          {t('devices.revoke.button')}
        </Button>
      )}
    </Space>
  );
}

/**
 * A site's desks as HQ last heard from them; the HQ admin also issues enrolment codes, replaces and
 * revokes desks here (the CLI's enroll-code, replace-device and revoke). Other roles only read.
 */
export function DevicesTab({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const isAdmin = useConsoleSession((s) => s.user?.role === 'admin');
  const q = useConsoleQuery('devices.list', { siteId });
  const [issued, setIssued] = useState<{ code: IssuedCode; replacement: boolean } | null>(null);
  const [revoking, setRevoking] = useState<DeviceRow | null>(null);
  const replace = async (d: DeviceRow) => {
    try {
      setIssued({ code: await call('devices.replace', { siteId, deviceId: d.id }), replacement: true });
    } catch (e) {
      void message.error(t(e instanceof ConsoleCallError ? e.message : 'console.err.internal'));
    }
  };
  const columns = deviceColumns(t);
  if (isAdmin)
    columns.push({
      title: t('devices.col.actions'),
      key: 'actions',
      render: (_, d) => <DeviceActions d={d} onReplace={(x) => void replace(x)} onRevoke={setRevoking} />,
    });
  if (q.error) return <Alert type="error" showIcon message={t(q.error.message)} data-testid="devices-error" />;
  return (
    <div data-testid="devices-tab">
      {issued && <IssuedCodeNotice issued={issued.code} replacement={issued.replacement} onClose={() => setIssued(null)} />}
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        {isAdmin ? <IssueCodeForm siteId={siteId} onIssued={(code) => setIssued({ code, replacement: false })} /> : <span />}
        <Button onClick={q.reload} data-testid="devices-reload">
          {t('devices.reload')}
        </Button>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={q.loading}
        pagination={false}
        dataSource={q.data ?? []}
        columns={columns}
        locale={{ emptyText: t('devices.empty') }}
        onRow={(d) => ({ 'data-testid': `device-${d.code}` }) as HTMLAttributes<HTMLElement>}
        data-testid="devices-table"
      />
      {revoking && (
        <RevokeDialog
          siteId={siteId}
          device={revoking}
          onClose={(done) => {
            setRevoking(null);
            if (done) {
              void message.success(t('devices.revoke.done', { code: revoking.code }));
              q.reload();
            }
          }}
        />
      )}
    </div>
  );
}
