import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { IssuePassInput, type ReleasePass, type UnitInfo } from '../../../../shared/api/releasePassSchemas';
import type { HostMatch } from '../../../../shared/api/schemas';
import type { ApiError } from '../../../../shared/api/result';
import { run } from '../../api/useDesk';
import { desk } from '../../api/desk';
import { SHORTCUTS, useNav } from '../../stores/nav';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { RegisterPrintShell } from '../../forms/RegisterPrintShell';
import type { Approval } from '../../forms/SupervisorApprovalModal';
import { printJobInBrowser } from '../../print/printing';
import { ArrearsApprovalModal } from './ArrearsApprovalModal';
import { ApplicantFields, GoodsFields, UnitFields, WindowFields } from './PassFields';
import { emptyPass, toIssueInput, type PassFormValues } from './passForm';

/** The directory role of the chosen entry suggests the applicant's relation; the desk may change it. */
const RELATION_FOR_ROLE = { owner: 'owner', tenant: 'tenant', company: 'company_staff', family: 'agent' } as const;

/** 物品放行条 at the desk: keyboard-first; Enter moves on (and adds item lines), Ctrl+Enter issues and prints. */
export function IssuePassPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const focusTick = useNav((s) => s.focusTick);
  // The same schema as the backend validates the form (after what the desk drops): the two can never disagree.
  const form = useSchemaForm(IssuePassInput, { defaultValues: emptyPass(), prepare: toIssueInput });
  const { handleSubmit, formState, reset, setValue, getValues, serverErrors } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [occupant, setOccupant] = useState<HostMatch | null>(null);
  const [unit, setUnit] = useState<UnitInfo | null>(null);
  const [arrearsGate, setArrearsGate] = useState<number | null>(null);
  const [last, setLast] = useState<{ pass: ReleasePass; jobId: string } | null>(null);
  // Counted passes: after each one the cursor is back in the unit field.
  const [issued, setIssued] = useState(0);

  const pickOccupant = async (id: string | undefined, match: HostMatch | null) => {
    setOccupant(match);
    setUnit(null);
    if (!id || !match) return;
    setValue('relation', RELATION_FOR_ROLE[match.role]);
    if (match.role !== 'company' && !getValues('applicant.name')) setValue('applicant.name', match.name);
    const r = await run('passes:unitInfo', { occupantId: id });
    if (r.ok) setUnit(r.value);
  };

  const clear = () => {
    reset(emptyPass());
    setOccupant(null);
    setUnit(null);
    setFormError(null);
  };

  const submitWith = async (values: PassFormValues, arrearsApproval?: Approval) => {
    const r = await run('passes:issue', { ...toIssueInput(values), arrearsApproval });
    if (r.ok) {
      setArrearsGate(null);
      message.success(t('pass.issued', { passNo: r.value.pass.passNo }));
      setLast({ pass: r.value.pass, jobId: r.value.printJobId });
      clear();
      (document.activeElement as HTMLElement | null)?.blur();
      setIssued((n) => n + 1);
      if (desk.mode === 'browser') await printJobInBrowser(r.value.printJobId);
      return null;
    }
    if (r.error.code === 'approval_required') {
      setArrearsGate(Number(r.error.details?.arrearsFen ?? 0));
      return null;
    }
    if (
      arrearsApproval &&
      (r.error.code !== 'invalid_input' || (r.error.issues ?? []).some((i) => i.path.startsWith('arrearsApproval')))
    )
      return r.error as ApiError;
    setArrearsGate(null);
    setFormError(serverErrors(r.error));
    return null;
  };
  const submit = () => void handleSubmit((values) => submitWith(values).then(() => undefined))();

  return (
    <RegisterPrintShell
      title={t('pass.issueTitle')}
      shortcut={SHORTCUTS.passIssue}
      hint={t('pass.keyboardHint')}
      formError={formError}
      formErrorTestId="pass-form-error"
      formTestId="pass-form"
      submitLabel={t('pass.submit')}
      submitTestId="pass-submit"
      submitting={formState.isSubmitting}
      onSubmit={submit}
      clearLabel={t('common.clear')}
      onClear={clear}
      preview={{
        title: t('pass.preview'),
        emptyText: t('pass.noPassYet'),
        doc: last ? { docType: 'release_pass', docId: last.pass.id, number: last.pass.passNo } : null,
        jobId: last?.jobId ?? null,
        testId: 'release-pass',
      }}
      approval={
        <ArrearsApprovalModal
          arrearsFen={arrearsGate}
          onCancel={() => setArrearsGate(null)}
          onApprove={(a) => submitWith(getValues(), a)}
        />
      }
    >
      <UnitFields
        form={form}
        focusKey={`${focusTick}-${issued}`}
        occupant={occupant}
        unit={unit}
        onOccupant={(id, match) => void pickOccupant(id, match)}
      />
      <ApplicantFields form={form} />
      <GoodsFields form={form} unit={unit} />
      <WindowFields form={form} />
    </RegisterPrintShell>
  );
}
