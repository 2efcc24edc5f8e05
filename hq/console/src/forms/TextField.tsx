import { Input } from 'antd';
import type { ReactNode } from 'react';
import { useController, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { Field } from '../../../../ui/Field';

/**
 * What the field holds: the browser's password manager and the on-screen keyboard read `autoComplete`
 * and `inputMode`, so a new password is never filled with the saved one and a code opens the digits.
 */
const KINDS = {
  text: { autoComplete: 'off' },
  username: { autoComplete: 'username' },
  'current-password': { autoComplete: 'current-password' },
  'new-password': { autoComplete: 'new-password' },
  code: { autoComplete: 'one-time-code', inputMode: 'numeric', maxLength: 6 },
} as const;

/**
 * One text field of a console form, named by its key in the procedure's schema: the label, the input and
 * the field's error under it in the console's language. `testId` marks the input (and `-error` its message).
 */
export function TextField<V extends FieldValues>(props: {
  control: Control<V, unknown, V>;
  name: FieldPathByValue<V, string | undefined>;
  label: ReactNode;
  testId: string;
  kind?: keyof typeof KINDS;
  extra?: ReactNode;
  autoFocus?: boolean;
}) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const kind = props.kind ?? 'text';
  const input = {
    ...KINDS[kind],
    ref: field.ref,
    name: field.name,
    value: String(field.value ?? ''),
    onChange: field.onChange,
    onBlur: field.onBlur,
    autoFocus: props.autoFocus,
    'data-testid': props.testId,
  };
  return (
    <Field label={props.label} error={fieldState.error} testId={props.testId} extra={props.extra} required>
      {kind.endsWith('password') ? <Input.Password {...input} /> : <Input {...input} />}
    </Field>
  );
}
