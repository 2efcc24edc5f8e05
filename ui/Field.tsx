import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tError } from './language';

/**
 * An antd form item that shows a react-hook-form error (an i18n key) under its input, in the app's
 * language (the desk's words at the desk, the console's in the console; a message that is no key shows
 * as it came). `testId` names the error `<testId>-error` for the specs.
 */
export function Field(props: {
  label: ReactNode;
  error?: { message?: string };
  required?: boolean;
  children: ReactNode;
  extra?: ReactNode;
  testId?: string;
}) {
  useTranslation(); // shown again in a language switched to
  return (
    <Form.Item
      label={props.label}
      required={props.required}
      validateStatus={props.error ? 'error' : undefined}
      help={
        props.error?.message ? (
          <span data-testid={props.testId ? `${props.testId}-error` : undefined}>{tError(props.error.message)}</span>
        ) : undefined
      }
      extra={props.extra}
    >
      {props.children}
    </Form.Item>
  );
}
