import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RuleSpanInput, TicketRulesTable as RulesTable } from '../../../../../../ui/TicketRulesTable';
import { DESK_NS } from '../../../deskWords';
import { settingError, type SectionProps } from './settingsTypes';

/** The site's intake deadline rules in the console's settings form, as the desk's editor shows them. */
export function TicketRulesTable({ control, errors, disabled }: SectionProps) {
  const { t: desk } = useTranslation(DESK_NS);
  const { fields } = useFieldArray({ control, name: 'ticketRules' });
  return (
    <RulesTable
      t={desk}
      rules={fields}
      span={(i) => (
        <Controller
          name={`ticketRules.${i}.span`}
          control={control}
          render={({ field }) => (
            <RuleSpanInput
              t={desk}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={settingError(errors.ticketRules?.[i]?.span?.n)?.message}
              disabled={disabled}
              testId={`rule-${i}`}
            />
          )}
        />
      )}
    />
  );
}
