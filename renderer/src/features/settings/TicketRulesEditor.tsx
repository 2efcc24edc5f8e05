import { Controller, useFieldArray, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Settings } from '../../../../shared/api/schemas';
import { RuleSpanInput, TicketRulesTable } from '../../../../ui/TicketRulesTable';

type SettingsInput = z.input<typeof Settings>;

/** The intake deadline rules of the desk's settings form (the table is the console's too). */
export function TicketRulesEditor(props: {
  control: Control<SettingsInput>;
  errors: FieldErrors<SettingsInput>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { fields } = useFieldArray({ control: props.control, name: 'ticketRules' });
  return (
    <TicketRulesTable
      t={t}
      rules={fields}
      span={(i) => (
        <Controller
          name={`ticketRules.${i}.span`}
          control={props.control}
          render={({ field }) => (
            <RuleSpanInput
              t={t}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={props.errors.ticketRules?.[i]?.span?.n?.message}
              disabled={props.disabled}
              testId={`rule-${i}`}
            />
          )}
        />
      )}
    />
  );
}
