import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { deskTime } from '../../../../shared/domain/deskTime';
import { EnrollInput, type SyncStatus } from '../../../../shared/api/syncSchemas';
import { lastErrorText } from './lastErrorText';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { run, useDeskQuery } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { Field } from '../../../../ui/Field';
import { enrollError } from './enrollError';
import { formKeyDown } from '../../forms/keyboard';
import { clockWarning } from './clockText';
import { RejectionsList } from '../conflicts/RejectionsList';

const time = (iso: string | null) => (iso ? deskTime(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/** HQ sync: where this desk stands with HQ, enrolment with a one-time code (admin), HQ's rejections (supervisors). */
export function SyncPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  const { data: status, reload } = useDeskQuery('sync:status', undefined, ['sync-changed', 'visits-changed']);
  const [syncing, setSyncing] = useState(false);
  const syncNow = async () => {
    setSyncing(true);
    await run('sync:now');
    setSyncing(false);
    reload();
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <Card
        title={t('sync.title')}
        extra={
          <Button onClick={() => void syncNow()} loading={syncing} disabled={!status?.enrolled} data-testid="sync-now-page">
            {t('status.syncNow')}
          </Button>
        }
      >
        {status && (
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('sync.hq')}>{status.hqUrl ?? t('status.hqNotConfigured')}</Descriptions.Item>
            <Descriptions.Item label={t('sync.connection')}>
              {!status.enrolled ? '—' : status.online ? t('status.hq') : t('status.hqOffline')}
            </Descriptions.Item>
            <Descriptions.Item label={t('sync.waiting')}>{status.waiting}</Descriptions.Item>
            <Descriptions.Item label={t('sync.oldest')}>{time(status.oldestWaitingAt)}</Descriptions.Item>
            <Descriptions.Item label={t('sync.attachmentsWaiting')}>
              <span data-testid="sync-attachments-waiting">{status.attachmentsWaiting}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('sync.lastSuccess')}>{time(status.lastSuccessAt)}</Descriptions.Item>
            <Descriptions.Item label={t('sync.rejections')}>{status.rejections}</Descriptions.Item>
            <Descriptions.Item label={t('sync.parked')} span={2}>
              <ParkedLine parked={status.parked} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sync.clock')} span={2}>
              <ClockLine offsetMs={status.clock.offsetMs} />
            </Descriptions.Item>
            {status.appVersion && (
              <Descriptions.Item label={t('sync.update')} span={2}>
                <UpdateLine status={status} />
              </Descriptions.Item>
            )}
            {status.lastError && (
              <Descriptions.Item label={t('sync.lastError')} span={2}>
                <span data-testid="sync-last-error">{lastErrorText(t, status.lastError)}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Card>
      {roleAtLeast(role, 'admin') && <EnrollCard onDone={reload} enrolled={!!status?.enrolled} />}
      {/* HQ's rejections as the conflict inbox words them (its own list: one place to read and act). */}
      {roleAtLeast(role, 'shift_leader') && <RejectionsList />}
    </Space>
  );
}

/** Pulled records this build cannot apply yet: how many, of which kinds; applied when the desk is updated. */
function ParkedLine({ parked }: { parked: SyncStatus['parked'] }) {
  const { t } = useTranslation();
  const n = parked.reduce((sum, p) => sum + p.count, 0);
  if (n === 0) return <span data-testid="sync-parked">0</span>;
  const types = parked.map((p) => `${p.type} v${p.v} ×${p.count}`).join('、');
  return (
    <Typography.Text type="warning" data-testid="sync-parked">
      {t('sync.parkedHint', { n, types })}
    </Typography.Text>
  );
}

/** This build and its update from HQ: up to date, downloading, downloaded (installs after the handover) or failed. */
function UpdateLine({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const u = status.update;
  const values = { app: status.appVersion, version: u?.version ?? '', channel: u?.channel ?? '', error: u?.error ?? '' };
  if (!u || (u.state === 'idle' && !u.checkedAt)) return <span data-testid="sync-update">{t('sync.updateNever', values)}</span>;
  const key = {
    idle: 'sync.updateIdle',
    downloading: 'sync.updateDownloading',
    ready: 'sync.updateReady',
    failed: 'sync.updateFailed',
  }[u.state];
  return (
    <Typography.Text type={u.state === 'failed' ? 'warning' : undefined} strong={u.state === 'ready'} data-testid="sync-update">
      {t(key, values)}
    </Typography.Text>
  );
}

/** The desk's clock against HQ's: in step, off (in red, as in the status bar), or not known yet. */
function ClockLine({ offsetMs }: { offsetMs: number | null }) {
  const { t } = useTranslation();
  const warning = clockWarning(t, offsetMs);
  return (
    <Typography.Text type={warning ? 'danger' : undefined} data-testid="sync-clock">
      {offsetMs === null ? t('sync.clockNever') : (warning ?? t('sync.clockInSync'))}
    </Typography.Text>
  );
}

function EnrollCard({ onDone, enrolled }: { onDone: () => void; enrolled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError } = useForm({
    resolver: zodResolver(EnrollInput),
    defaultValues: { hqUrl: '', code: '', fingerprint: '' },
  });
  const e = formState.errors;
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await run('sync:enroll', values);
    if (r.ok) {
      message.success(t('sync.enrolled'));
      onDone();
    } else {
      setFormError(enrollError(setError, r.error));
    }
  });
  return (
    <Card title={t('sync.enrollTitle')}>
      <Alert type="info" message={enrolled ? t('sync.enrollAgain') : t('sync.enrollHelp')} style={{ marginBottom: 16 }} />
      {formError && <Alert type="error" message={formError} style={{ marginBottom: 16 }} data-testid="enroll-error" />}
      <Form layout="horizontal" labelCol={{ span: 6 }} component="div" onKeyDown={(ev) => formKeyDown(ev, () => void submit())}>
        <Field label={t('sync.hqUrl')} error={e.hqUrl} testId="hq-url">
          <Controller
            name="hqUrl"
            control={control}
            render={({ field }) => <Input {...field} placeholder="https://hq.example:8780" data-testid="hq-url" />}
          />
        </Field>
        <Field label={t('sync.code')} error={e.code}>
          <Controller name="code" control={control} render={({ field }) => <Input {...field} data-testid="enroll-code" />} />
        </Field>
        <Field label={t('sync.fingerprint')} error={e.fingerprint} extra={t('sync.fingerprintHint')} testId="enroll-fingerprint">
          <Controller
            name="fingerprint"
            control={control}
            render={({ field }) => <Input {...field} className="mono" data-testid="enroll-fingerprint" />}
          />
        </Field>
        <Button type="primary" onClick={() => void submit()} loading={formState.isSubmitting} data-testid="enroll-submit">
          {t('sync.enroll')}
        </Button>
      </Form>
    </Card>
  );
}
