import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button } from 'antd';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import type { HostMatch, Visit, VisitorProfile } from '../../../../shared/api/schemas';
import type { Approval } from '../../forms/SupervisorApprovalModal';
import { run } from '../../api/useDesk';
import { desk } from '../../api/desk';
import { SHORTCUTS, useNav } from '../../stores/nav';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { RegisterPrintShell } from '../../forms/RegisterPrintShell';
import { printJobInBrowser } from '../../print/printing';
import { DenyOverrideModal, type DenyHit } from './DenyOverrideModal';
import { VisitFields, VisitorFields } from './CheckInFields';
import { CheckInForm, emptyCheckIn, type CheckInValues } from './checkInForm';
import { useWatch } from 'react-hook-form';

/** 访客登记: keyboard-first; Enter moves on, Ctrl+Enter registers and prints the pass. */
export function CheckInPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const focusTick = useNav((s) => s.focusTick);
  const firstField = useRef<HTMLInputElement | null>(null);
  // The same schema as the backend validates the form: the two can never disagree.
  const form = useSchemaForm(CheckInForm, { defaultValues: emptyCheckIn() });
  const { control, handleSubmit, formState, reset, setValue, getValues, serverErrors } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [profile, setProfile] = useState<VisitorProfile | null>(null);
  const [onSite, setOnSite] = useState<VisitorProfile['onSite']>(null);
  const [host, setHost] = useState<HostMatch | null>(null);
  const [denyHit, setDenyHit] = useState<DenyHit | null>(null);
  const [last, setLast] = useState<{ visit: Visit; jobId: string | null } | null>(null);
  const formKey = useWatch({ control, name: 'requestId' });

  useEffect(() => {
    void run('settings:get').then((r) => r.ok && setValue('expectedMinutes', r.value.defaultVisitMinutes));
  }, [setValue]);
  useEffect(() => firstField.current?.focus(), [focusTick]);

  // A recall answers the form it was asked from: once that form is registered (or cleared) its answer
  // is dropped, or the visitor just registered would fill the next visitor's form. Likewise when the
  // field it was asked for has changed meanwhile.
  const recall = async (field: 'idNumber' | 'phone') => {
    const asked = { form: getValues('requestId'), value: getValues(`visitor.${field}`) };
    if (field === 'idNumber') setOnSite(null);
    const r = await run('visits:recall', { [field]: asked.value });
    const stale = getValues('requestId') !== asked.form || getValues(`visitor.${field}`) !== asked.value;
    if (stale || !r.ok || !r.value) return;
    const p = r.value;
    setOnSite(p.onSite);
    if (getValues('visitor.name')) return;
    setProfile(p);
    // The recall answers the ID number and phone masked: what was typed (or read off the card) stays as it is.
    const idNumber = getValues('visitor.idNumber');
    const visitor = {
      idType: idNumber ? getValues('visitor.idType') : p.idType,
      idNumber,
      name: p.name,
      phone: getValues('visitor.phone'),
    };
    setValue('visitor', visitor, { shouldValidate: true });
    if (!getValues('plate')) setValue('plate', p.plate);
  };

  const clearForm = () => {
    reset(emptyCheckIn(getValues('expectedMinutes')));
    setProfile(null);
    setOnSite(null);
    setHost(null);
    setFormError(null);
  };

  const finish = async (visit: Visit, jobId: string | null) => {
    message.success(t('visit.checkedIn', { name: visit.visitorName, passNo: visit.passNo }));
    setLast({ visit, jobId });
    // Close any open suggestion list before the form empties and the next visitor's first field
    // takes the focus; the blur's own recall belongs to the registered form and is dropped.
    (document.activeElement as HTMLElement | null)?.blur();
    clearForm();
    setTimeout(() => firstField.current?.focus(), 0);
    if (jobId && desk.mode === 'browser') await printJobInBrowser(jobId);
  };

  const submitWith = async (values: CheckInValues, denyOverride?: Approval) => {
    const r = await run('visits:checkIn', { ...values, denyOverride });
    if (r.ok) {
      setDenyHit(null);
      await finish(r.value.visit, r.value.printJobId);
      return null;
    }
    if (r.error.code === 'deny_list_hit') {
      setDenyHit(r.error.details?.entry as DenyHit);
      return null;
    }
    if (denyOverride && (r.error.issues ?? []).some((i) => i.path.startsWith('denyOverride'))) return r.error;
    setDenyHit(null);
    setFormError(serverErrors(r.error));
    return null;
  };
  const submit = () => void handleSubmit((values) => submitWith(values).then(() => undefined))();

  return (
    <RegisterPrintShell
      title={t('visit.checkInTitle')}
      shortcut={SHORTCUTS.checkIn}
      hint={t('visit.keyboardHint')}
      formError={formError}
      notices={
        <RecallNotices
          onSite={onSite}
          profile={profile}
          onSameHost={(h) => {
            setHost(h);
            setValue('hostOccupantId', h.occupantId, { shouldValidate: true });
          }}
        />
      }
      formKey={formKey}
      formTestId="checkin-form"
      submitLabel={t('visit.submit')}
      submitTestId="checkin-submit"
      submitting={formState.isSubmitting}
      onSubmit={submit}
      clearLabel={t('common.clear')}
      onClear={clearForm}
      preview={{
        title: t('visit.passPreview'),
        emptyText: t('visit.noPassYet'),
        doc: last ? { docType: 'visitor_pass', docId: last.visit.id, number: last.visit.passNo } : null,
        jobId: last?.jobId ?? null,
        testId: 'pass',
      }}
      approval={
        <DenyOverrideModal hit={denyHit} onCancel={() => setDenyHit(null)} onApprove={(a) => submitWith(getValues(), a)} />
      }
    >
      <VisitorFields form={form} firstField={firstField} recall={(f) => void recall(f)} />
      <VisitFields form={form} host={host} onHost={setHost} />
    </RegisterPrintShell>
  );
}

/** A visitor still on site under another pass, and a returning visitor's last visit (one key for the same host). */
function RecallNotices(props: {
  onSite: VisitorProfile['onSite'];
  profile: VisitorProfile | null;
  onSameHost: (host: HostMatch) => void;
}) {
  const { t } = useTranslation();
  const { onSite, profile } = props;
  return (
    <>
      {onSite && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="already-on-site"
          message={t('visit.alreadyOnSite', {
            passNo: onSite.passNo,
            time: deskTime(onSite.checkedInAt).format('MM-DD HH:mm'),
            unit: onSite.hostUnitCode,
          })}
        />
      )}
      {profile && (
        <div className="recall" data-testid="recall-banner">
          {t('visit.returning', { count: profile.visits, date: deskTime(profile.lastVisitAt).format('YYYY-MM-DD') })}
          {profile.idNumberMasked && <span data-testid="recall-id">{` · ${profile.idNumberMasked}`}</span>}
          {profile.lastHost && (
            <Button size="small" type="link" onClick={() => props.onSameHost(profile.lastHost!)}>
              {t('visit.sameHost', { host: `${profile.lastHost.unitCode} ${profile.lastHost.name}` })}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
