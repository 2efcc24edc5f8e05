import { useEffect, useState } from 'react';
import { Alert, Form } from 'antd';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { FirstAdminInput, type SetupFromHqResult, type SetupStatus } from '../../../../shared/api/schemas';
import { call } from '../../api/desk';
import { run } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';
import { GateCard, GateSubmit } from '../../shell/GateCard';
import { ADMIN_FIELDS, AdminFields, withPinAgain } from './AdminFields';

const FirstAdmin = withPinAgain(FirstAdminInput);
type FirstAdminValues = z.input<typeof FirstAdmin>;

/**
 * Set up from HQ, but nobody can sign in: HQ had no staff for the site (its first desk), or the
 * download has not finished. The desk keeps syncing; as soon as staff arrive, sign-in opens by itself.
 */
export function FirstAdminForm({ status, download }: { status: SetupStatus; download: SetupFromHqResult | null }) {
  const { t } = useTranslation();
  const signedIn = useSession((s) => s.signedIn);
  const refresh = useSession((s) => s.refresh);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<FirstAdminValues>({
    resolver: zodResolver(FirstAdmin),
    defaultValues: { admin: { staffNo: '', name: '', pin: '' }, pinAgain: '' },
  });
  // Staff may still come down from HQ (the sync client retries): then this page gives way to sign-in.
  useEffect(() => {
    const timer = setInterval(() => {
      void call('setup:status').then((r) => {
        if (r.ok && !r.value.needsAdmin) void refresh();
      });
    }, 5000);
    return () => clearInterval(timer);
  }, [refresh]);
  const submit = handleSubmit(async ({ admin }) => {
    const r = await run('setup:firstAdmin', { admin });
    if (r.ok) signedIn(r.value);
    else setFormError(applyServerErrors(setError, r.error, ADMIN_FIELDS));
  });
  return (
    <GateCard
      title={t('setup.firstAdminTitle')}
      intro={t('setup.firstAdminIntro', { siteName: status.siteName, desk: `${status.siteCode}-${status.deviceCode}` })}
      error={formError}
    >
      {download?.syncError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('setup.hqSyncError', { error: download.syncError })}
          data-testid="setup-sync-error"
        />
      )}
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, submit)}>
        <AdminFields control={control} errors={formState.errors} autoFocus />
        <GateSubmit onClick={() => void submit()} loading={formState.isSubmitting} testId="setup-first-admin-submit">
          {t('setup.firstAdminSubmit')}
        </GateSubmit>
      </Form>
    </GateCard>
  );
}
