import { useMemo } from 'react';
import { Cascader, Radio } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Field } from '../../../../../ui/Field';
import type { ConsoleForm } from '../../forms/useConsoleForm';
import { useConsoleQuery } from '../../useConsoleQuery';
import { HQ_TICKET_KINDS, type CreateHqTicketInput } from '../../../../src/console/contract/hqtickets';
import { SEVERITIES, URGENCIES } from '../../../../../shared/domain/tickets';
import { EXPORT_WORDS } from '../../../../../shared/export/exportWords';
import { localeOf } from '../reports/reportFormat';

export type HqTicketValues = z.input<typeof CreateHqTicketInput>;
type Props = { form: ConsoleForm<HqTicketValues> };

const useWords = () => EXPORT_WORDS[localeOf(useTranslation().i18n.language)];

/** The kind; changing it clears the level, which belongs to one kind (a repair's urgency, a complaint's severity). */
export function KindField({ form }: Props) {
  const { t } = useTranslation();
  const X = useWords();
  return (
    <Field label={t('hqtickets.form.kind')} error={form.formState.errors.kind} testId="hqticket-kind" required>
      <Controller
        name="kind"
        control={form.control}
        render={({ field }) => (
          <Radio.Group
            optionType="button"
            value={field.value}
            onChange={(e) => {
              field.onChange(e.target.value);
              form.setValue('urgency', null);
              form.setValue('severity', null);
            }}
            options={HQ_TICKET_KINDS.map((k) => ({ value: k, label: X.kind[k] }))}
            data-testid="hqticket-kind"
          />
        )}
      />
    </Field>
  );
}

/** The site's own classifier as a cascader place → category → problem (searchable), named in the user's language. */
export function ClassField({ form, siteId }: Props & { siteId: string }) {
  const { t, i18n } = useTranslation();
  const q = useConsoleQuery('hqtickets.classifier', { siteId });
  const en = i18n.language === 'en';
  const options = useMemo(() => {
    const name = (n: { zh: string; en: string }) => (en ? n.en : n.zh);
    return (q.data?.places ?? []).map((p) => ({
      value: p.code,
      label: name(p),
      children: p.categories.map((c) => ({
        value: c.code,
        label: name(c),
        children: c.problems.map((pr) => ({ value: pr.code, label: name(pr) })),
      })),
    }));
  }, [q.data, en]);
  const e = form.formState.errors;
  return (
    <Field
      label={t('hqtickets.form.classification')}
      error={e.problem ?? e.category ?? e.place ?? (q.error ? { message: q.error.message } : undefined)}
      testId="hqticket-class"
      required
    >
      <Controller
        name="problem"
        control={form.control}
        render={({ field }) => (
          <Cascader
            options={options}
            showSearch
            loading={q.loading}
            placeholder={t('hqtickets.form.classificationPlaceholder')}
            onChange={(v) => {
              const [place = '', category = '', problem = ''] = (v ?? []) as string[];
              form.setValue('place', place);
              form.setValue('category', category);
              field.onChange(problem);
            }}
            data-testid="hqticket-class"
          />
        )}
      />
    </Field>
  );
}

/** A repair's urgency or a complaint's severity (the deadlines hang on it); nothing for the other kinds. */
export function LevelField({ form }: Props) {
  const { t } = useTranslation();
  const X = useWords();
  const kind = form.watch('kind');
  if (kind !== 'repair' && kind !== 'complaint') return null;
  const name = kind === 'repair' ? 'urgency' : 'severity';
  const options =
    kind === 'repair'
      ? URGENCIES.map((u) => ({ value: u, label: X.urgency[u] }))
      : SEVERITIES.map((s) => ({ value: s, label: X.severity[s] }));
  return (
    <Field label={t(`hqtickets.form.${name}`)} error={form.formState.errors[name]} testId={`hqticket-${name}`} required>
      <Controller
        key={name}
        name={name}
        control={form.control}
        render={({ field }) => (
          <Radio.Group
            optionType="button"
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            options={options}
            data-testid={`hqticket-${name}`}
          />
        )}
      />
    </Field>
  );
}
