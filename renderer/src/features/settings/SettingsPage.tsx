import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Divider, Form, Input, InputNumber } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Settings } from '../../../../shared/api/schemas';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { setDeskZone } from '../../../../shared/domain/deskTime';
import { run } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { Field } from '../../../../ui/Field';
import { applyServerErrors } from '../../forms/serverErrors';
import { ShiftPatternsEditor } from './ShiftPatternsEditor';
import { TicketRulesEditor } from './TicketRulesEditor';
import { ClassifierEditor } from '../../../../ui/classifier/ClassifierEditor';
import { YuanInput } from '../../../../ui/YuanInput';
import { SiteDetailsSection } from './SiteDetailsSection';
import { PersonalDataReadsSection } from './PersonalDataReadsSection';
import { PersonDataSection } from './PersonDataSection';
import { RetentionSection } from './RetentionSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { DeskSettingsFields } from './DeskSettingsFields';

/** This desk's settings: print language, printers and paper, idle lock, shift patterns. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  const canEdit = roleAtLeast(role, 'manager');
  const [loaded, setLoaded] = useState(false);
  const { control, handleSubmit, formState, setError, reset } = useForm({ resolver: zodResolver(Settings) });
  useEffect(() => {
    void run('settings:get').then((r) => {
      if (r.ok) reset(r.value);
      setLoaded(true);
    });
  }, [reset]);
  const e = formState.errors;
  const submit = handleSubmit(async (values) => {
    const r = await run('settings:update', values);
    // One keyed toast: saving twice in a row replaces it instead of stacking two.
    if (r.ok) setDeskZone(r.value.siteTimeZone);
    if (r.ok) message.success({ content: t('settings.saved'), key: 'settings-saved' });
    else applyServerErrors(setError, r.error, Object.keys(Settings.shape));
  });
  if (!loaded) return null;
  return (
    <Card title={t('nav.settings')} style={{ maxWidth: 860 }}>
      {!canEdit && <Alert type="info" message={t('settings.managerOnly')} style={{ marginBottom: 16 }} />}
      <Form layout="horizontal" labelCol={{ span: 8 }} labelWrap component="div" disabled={!canEdit}>
        <Divider titlePlacement="start" data-testid="settings-desk-section">
          {t('settings.deskSection')}
        </Divider>
        <DeskSettingsFields control={control} errors={e} />
        <Divider titlePlacement="start" data-testid="settings-site-section">
          {t('settings.siteSection')}
        </Divider>
        <Alert type="info" showIcon message={t('settings.siteSectionHint')} style={{ marginBottom: 16 }} />
        <Field
          label={t('settings.drawerVarianceLimit')}
          error={e.drawerVarianceLimitFen}
          extra={t('settings.drawerVarianceHint')}
        >
          <Controller
            name="drawerVarianceLimitFen"
            control={control}
            render={({ field }) => (
              <YuanInput
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                unit={t('settings.yuan')}
                testId="settings-drawerVarianceLimit"
              />
            )}
          />
        </Field>
        <Field label={t('settings.largePaymentLimit')} error={e.largePaymentLimitFen} extra={t('settings.largePaymentHint')}>
          <Controller
            name="largePaymentLimitFen"
            control={control}
            render={({ field }) => (
              <YuanInput
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                unit={t('settings.yuan')}
                step={1000}
                testId="settings-largePaymentLimit"
              />
            )}
          />
        </Field>
        <Field label={t('settings.defaultVisitMinutes')} error={e.defaultVisitMinutes}>
          <Controller
            name="defaultVisitMinutes"
            control={control}
            render={({ field }) => <InputNumber {...field} min={15} max={1440} step={15} />}
          />
        </Field>
        <Field label={t('settings.mailReturnDays')} error={e.mailReturnDays}>
          <Controller
            name="mailReturnDays"
            control={control}
            render={({ field }) => <InputNumber {...field} min={1} max={90} data-testid="settings-mailReturnDays" />}
          />
        </Field>
        <RetentionSection control={control} errors={e} />
        <Field
          label={t('settings.siteTimeZone')}
          error={e.siteTimeZone}
          extra={t('settings.siteTimeZoneHint')}
          testId="settings-siteTimeZone"
        >
          <Controller
            name="siteTimeZone"
            control={control}
            render={({ field }) => <Input {...field} data-testid="settings-siteTimeZone" />}
          />
        </Field>
        <Field label={t('settings.shiftPatterns')} error={undefined}>
          <ShiftPatternsEditor control={control} errors={e} disabled={!canEdit} />
        </Field>
        <Field label={t('settings.ticketRules')} error={undefined}>
          <TicketRulesEditor control={control} errors={e} disabled={!canEdit} />
        </Field>
        <Field label={t('settings.classifier')} error={undefined} extra={t('settings.classifierHint')}>
          <Controller
            name="classifier"
            control={control}
            render={({ field }) => (
              <ClassifierEditor
                t={t}
                value={field.value}
                onChange={field.onChange}
                errors={e.classifier as Record<string, unknown> | undefined}
                disabled={!canEdit}
              />
            )}
          />
        </Field>
        {canEdit && (
          <Button type="primary" onClick={() => void submit()} data-testid="settings-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
      <SiteDetailsSection />
      {canEdit && <PersonDataSection />}
      {canEdit && <PersonalDataReadsSection />}
      {role === 'admin' && <DiagnosticsSection />}
    </Card>
  );
}
