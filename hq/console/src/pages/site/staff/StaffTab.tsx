import { useState } from 'react';
import { Alert, App, Button, Card, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { useConsoleSession } from '../../../stores/session';
import { useConsoleQuery } from '../../../useConsoleQuery';
import { CreateStaffForm } from './CreateStaffForm';
import { HeldChanges } from './HeldChanges';
import { RefuseForm } from './RefuseForm';
import { ResetPinForm } from './ResetPinForm';
import { StaffTable } from './StaffTable';
import type { HeldChange, SiteStaff } from './staffTypes';
import { useStaffAct } from './useStaffAct';

type Dialog = { kind: 'create' } | { kind: 'reset'; person: SiteStaff } | { kind: 'refuse'; change: HeldChange } | null;

/**
 * A site's desk staff (issue 21 item 3): the list, and for the HQ admin its acts — each an HQ change every
 * desk of the site applies at its next sync — and the desks' privileged changes held for HQ.
 */
export function StaffTab({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isAdmin = useConsoleSession((s) => s.user?.role === 'admin');
  const q = useConsoleQuery('staff.list', { siteId });
  const { outcome, busy, act, setOutcome } = useStaffAct(q.reload);
  const [dialog, setDialog] = useState<Dialog>(null);
  const who = (s: SiteStaff) => `${s.staffNo} ${s.name}`;
  const closeWith = (text: string) => {
    setDialog(null);
    setOutcome({ kind: 'success', text });
    q.reload();
  };
  const staffActs = isAdmin
    ? {
        // A role is asked once more: a slip of the list must not make someone an admin at every desk.
        setRole: (s: SiteStaff, role: SiteStaff['role']) =>
          void modal.confirm({
            title: t('staff.roleConfirm', { name: who(s), role: t(`desk:role.${role}`) }),
            okText: t('staff.roleOk'),
            cancelText: t('staff.cancel'),
            okButtonProps: { 'data-testid': 'staff-role-ok' },
            onOk: () =>
              act(
                `role-${s.staffNo}`,
                () => call('staff.setRole', { siteId, staffId: s.staffId, role }),
                t('staff.done.role', { name: who(s), role: t(`desk:role.${role}`) }),
              ),
          }),
        setActive: (s: SiteStaff, active: boolean) =>
          void act(
            `active-${s.staffNo}`,
            () => call('staff.setActive', { siteId, staffNo: s.staffNo, active }),
            t(active ? 'staff.done.enabled' : 'staff.done.disabled', { name: who(s) }),
          ),
        resetPin: (person: SiteStaff) => setDialog({ kind: 'reset', person }),
      }
    : null;
  const heldActs = isAdmin
    ? {
        confirm: (h: HeldChange) =>
          void act(
            `confirm-${h.eventId}`,
            () => call('staff.confirm', { siteId, eventId: h.eventId }),
            t('staff.done.confirmed', { who: h.who }),
          ),
        refuse: (change: HeldChange) => setDialog({ kind: 'refuse', change }),
      }
    : null;
  if (q.error) return <Alert type="error" showIcon message={t(q.error.message)} data-testid="staff-error" />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="staff-tab">
      {outcome && (
        <Alert
          type={outcome.kind}
          showIcon
          closable
          message={outcome.text}
          onClose={() => setOutcome(null)}
          data-testid={`staff-${outcome.kind === 'success' ? 'done' : 'problem'}`}
        />
      )}
      <Card size="small" title={t('staff.held.title', { count: q.data?.held.length ?? 0 })} data-testid="held-card">
        <HeldChanges held={q.data?.held ?? []} acts={heldActs} busy={busy} />
      </Card>
      <Card
        size="small"
        title={t('staff.title')}
        extra={
          isAdmin && (
            <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="staff-new">
              {t('staff.new')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('staff.flowsDown')}</Typography.Paragraph>
        <StaffTable staff={q.data?.staff ?? []} loading={q.loading} acts={staffActs} busy={busy} />
      </Card>
      <Modal
        open={dialog !== null}
        footer={null}
        destroyOnHidden
        onCancel={() => setDialog(null)}
        title={dialog && t(`staff.dialog.${dialog.kind}`)}
      >
        {dialog?.kind === 'create' && (
          <CreateStaffForm siteId={siteId} onCreated={(no) => closeWith(t('staff.done.created', { staffNo: no }))} />
        )}
        {dialog?.kind === 'reset' && (
          <ResetPinForm
            siteId={siteId}
            person={dialog.person}
            onDone={() => closeWith(t('staff.done.reset', { name: who(dialog.person) }))}
          />
        )}
        {dialog?.kind === 'refuse' && (
          <RefuseForm
            siteId={siteId}
            change={dialog.change}
            onDone={() => closeWith(t('staff.done.refused', { who: dialog.change.who }))}
          />
        )}
      </Modal>
    </Space>
  );
}
