import { Button, Form, Input, Space } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PersonQuery } from '../../../../../shared/api/privacySchemas';
import type { ApiError } from '../../../../../shared/api/result';
import { Field } from '../../../../../ui/Field';
import { applyServerErrors } from '../../../forms/serverErrors';

export type PersonQueryInput = z.input<typeof PersonQuery>;
const FIELDS = ['name', 'phone', 'idNumber'] as const;

/** Who is asked about: the name with the phone or the ID number the person gives. */
export function PersonSearchForm(props: { onSearch: (q: PersonQueryInput) => Promise<ApiError | null> }) {
  const { t } = useTranslation();
  const { control, handleSubmit, formState, setError } = useForm<PersonQueryInput>({
    resolver: zodResolver(PersonQuery),
    defaultValues: { name: '', phone: '', idNumber: '' },
  });
  const submit = handleSubmit(async (values) => {
    const error = await props.onSearch(values);
    if (error) applyServerErrors(setError, error, [...FIELDS]);
  });
  return (
    <Form layout="inline" component="div" onKeyDown={(e) => e.key === 'Enter' && void submit()}>
      <Space wrap align="start">
        {FIELDS.map((name) => (
          <Field key={name} label={t(`settings.person.${name}`)} error={formState.errors[name]} testId={`person-${name}`}>
            <Controller
              name={name}
              control={control}
              render={({ field }) => <Input {...field} value={field.value ?? ''} data-testid={`person-${name}`} />}
            />
          </Field>
        ))}
        <Button type="primary" onClick={() => void submit()} data-testid="person-search">
          {t('settings.person.search')}
        </Button>
      </Space>
    </Form>
  );
}
