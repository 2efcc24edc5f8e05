import { useState } from 'react';
import { Alert, Button, Divider, Form, Typography } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { UpdateSiteSettingsInput } from '../../../../../src/console/contract/settings';
import { call } from '../../../api';
import { useConsoleForm } from '../../../forms/useConsoleForm';
import { LimitFields } from './LimitFields';
import { TicketRulesTable } from './TicketRulesTable';
import { ClassifierEditor } from '../../../../../../ui/classifier/ClassifierEditor';
import { DESK_NS } from '../../../deskWords';
import { EDITED_KEYS, type SettingsValues, type SiteSettingsView } from './settingsTypes';

type Saved = Awaited<ReturnType<typeof call<'settings.update'>>>;

/**
 * The site's rules as HQ last knew them, editable by the HQ admin. Only what the admin changed is sent,
 * each with the event its shown value came from, so a desk's change made meanwhile is never overwritten
 * unseen: HQ keeps both and lists them in the site's conflicts.
 */
export function SettingsForm(props: { siteId: string; view: SiteSettingsView; canEdit: boolean; onSaved: (s: Saved) => void }) {
  const { t } = useTranslation();
  const { t: desk } = useTranslation(DESK_NS);
  const [problem, setProblem] = useState<string | null>(null);
  const { values, basedOn } = props.view;
  const form = useConsoleForm<SettingsValues, z.output<typeof UpdateSiteSettingsInput>>(UpdateSiteSettingsInput, {
    defaultValues: { siteId: props.siteId, basedOn, ...values },
  });
  const { control, handleSubmit, formState } = form;
  const submit = handleSubmit(async (v: SettingsValues) => {
    setProblem(null);
    const changed = Object.fromEntries(
      EDITED_KEYS.filter((k) => JSON.stringify(v[k]) !== JSON.stringify(values[k])).map((k) => [k, v[k]]),
    );
    try {
      props.onSaved(await call('settings.update', { siteId: props.siteId, basedOn, ...changed }));
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  const section = { control, errors: formState.errors, disabled: !props.canEdit };
  return (
    <Form
      layout="horizontal"
      labelCol={{ span: 8 }}
      labelWrap
      disabled={!props.canEdit}
      onSubmitCapture={(e) => (e.preventDefault(), void submit())}
      data-testid="settings-form"
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="settings-problem" />}
      <Divider titlePlacement="start">{t('settings.limits')}</Divider>
      <LimitFields {...section} />
      <Divider titlePlacement="start">{t('desk:settings.ticketRules')}</Divider>
      <TicketRulesTable {...section} />
      <Divider titlePlacement="start">{t('desk:settings.classifier')}</Divider>
      <Typography.Paragraph type="secondary">{t('desk:settings.classifierHint')}</Typography.Paragraph>
      <Controller
        name="classifier"
        control={control}
        render={({ field }) => (
          <ClassifierEditor
            t={desk}
            value={field.value ?? []}
            onChange={field.onChange}
            errors={formState.errors.classifier as Record<string, unknown> | undefined}
            disabled={!props.canEdit}
          />
        )}
      />
      {props.canEdit && (
        <Button
          type="primary"
          htmlType="submit"
          loading={formState.isSubmitting}
          style={{ marginTop: 16 }}
          data-testid="settings-save"
        >
          {t('settings.save')}
        </Button>
      )}
    </Form>
  );
}
