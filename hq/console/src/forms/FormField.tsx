import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An antd form item showing a react-hook-form error (an i18n key) in the console's language. */
export function FormField(props: {
  label: ReactNode;
  error?: { message?: string };
  required?: boolean;
  children: ReactNode;
  extra?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={props.label}
      required={props.required}
      validateStatus={props.error ? 'error' : undefined}
      help={
        props.error?.message ? (
          <span data-testid={props.testId ? `${props.testId}-error` : undefined}>{t(props.error.message)}</span>
        ) : undefined
      }
      extra={props.extra}
    >
      {props.children}
    </Form.Item>
  );
}
