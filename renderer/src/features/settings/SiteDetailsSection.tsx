import { useEffect, useState } from 'react';
import { Alert, App, Button, Divider, Form, Input } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { SiteDetails, type SiteDetailsInput } from '../../../../shared/api/siteSchemas';
import { run } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { Field } from '../../../../ui/Field';
import { applyServerErrors } from '../../forms/serverErrors';

const FIELDS = ['siteName', 'address', 'phone', 'companyName'] as const;

/**
 * The site's name, address, phone and company legal name, printed at the head of receipts and passes.
 * Everyone sees them; an administrator changes them, and every desk of the site takes the change.
 */
export function SiteDetailsSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isAdmin = useSession((s) => s.session?.staff.role === 'admin');
  const [loaded, setLoaded] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError, reset } = useForm<SiteDetailsInput>({
    resolver: zodResolver(SiteDetails),
  });
  useEffect(() => {
    void run('site:details').then((r) => {
      if (r.ok) reset(r.value);
      setLoaded(true);
    });
  }, [reset]);
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await run('site:updateDetails', values);
    if (r.ok) {
      reset(r.value);
      // The menu's heading shows the site name from the session: read it again.
      void useSession.getState().refresh();
      message.success({ content: t('settings.siteDetailsSaved'), key: 'site-details-saved' });
    } else setFormError(applyServerErrors(setError, r.error, [...FIELDS]));
  });
  if (!loaded) return null;
  const e = formState.errors;
  return (
    <Form layout="horizontal" labelCol={{ span: 8 }} labelWrap component="div" disabled={!isAdmin} data-testid="site-details">
      <Divider titlePlacement="start">{t('settings.siteDetailsSection')}</Divider>
      <Alert
        type="info"
        showIcon
        message={t(isAdmin ? 'settings.siteDetailsHint' : 'settings.siteDetailsAdminOnly')}
        style={{ marginBottom: 16 }}
      />
      {formError && <Alert type="error" message={formError} style={{ marginBottom: 16 }} />}
      {FIELDS.map((name) => (
        <Field
          key={name}
          label={t(`settings.siteDetail.${name}`)}
          error={e[name]}
          required={name === 'siteName'}
          testId={`site-${name}`}
        >
          <Controller
            name={name}
            control={control}
            render={({ field }) => <Input {...field} value={field.value ?? ''} data-testid={`site-${name}`} />}
          />
        </Field>
      ))}
      {isAdmin && (
        <Button type="primary" onClick={() => void submit()} data-testid="site-details-save">
          {t('settings.siteDetailsSave')}
        </Button>
      )}
    </Form>
  );
}
