import { Form } from 'antd';
import type { ReactNode } from 'react';
import { tError } from '../i18n';

/** An antd form item that shows a react-hook-form error (an i18n key) in the desk's language. */
export function Field(props: {
  label: ReactNode;
  error?: { message?: string };
  required?: boolean;
  children: ReactNode;
  extra?: ReactNode;
  testId?: string;
}) {
  return (
    <Form.Item
      label={props.label}
      required={props.required}
      validateStatus={props.error ? 'error' : undefined}
      help={
        props.error ? (
          <span data-testid={props.testId ? `${props.testId}-error` : undefined}>{tError(props.error.message)}</span>
        ) : undefined
      }
      extra={props.extra}
    >
      {props.children}
    </Form.Item>
  );
}
