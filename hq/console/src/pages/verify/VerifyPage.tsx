import { useRef, useState } from 'react';
import { Alert, Card, Form, Input, type InputRef } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { VerifyReceiptInput } from '../../../../src/console/contract/verify';
import type { ConsoleOutput } from '../../../../src/console/contract/index';
import { call } from '../../api';
import { Field } from '../../../../../ui/Field';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { VerifyVerdict } from './VerifyVerdict';

type Verdict = ConsoleOutput<'verify.receipt'>;

/**
 * Receipt verification: a scanner types the QR's reference and Enter at machine speed, a person pastes or
 * types it. The field keeps focus with its text selected, so the next scan replaces it; only the answer to
 * the latest reference is shown.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<{ ref: string; v: Verdict } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(0);
  const input = useRef<InputRef>(null);
  const form = useConsoleForm(VerifyReceiptInput, { defaultValues: { ref: '' } });
  const { control, handleSubmit } = form;
  const verifyRef = async ({ ref }: { ref: string }) => {
    const ticket = ++latest.current;
    setProblem(null);
    setVerdict(null);
    try {
      const v = await call('verify.receipt', { ref });
      if (ticket === latest.current) setVerdict({ ref, v });
    } catch (e) {
      if (ticket === latest.current) setProblem(form.serverErrors(e));
    }
    input.current?.select();
  };
  // Built at the key press, not during render (the handler reads refs).
  const submit = () => handleSubmit(verifyRef)();
  return (
    <Card title={t('verify.title')} data-testid="verify-page">
      <Form layout="vertical" style={{ maxWidth: 720 }} onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <Field label={t('verify.ref')} error={form.formState.errors.ref} testId="verify-ref" extra={t('verify.hint')}>
          <Controller
            name="ref"
            control={control}
            render={({ field }) => (
              <Input
                {...field}
                ref={input}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                placeholder="LDR1/…"
                onPressEnter={(e) => (e.preventDefault(), void submit())}
                data-testid="verify-ref"
              />
            )}
          />
        </Field>
      </Form>
      {problem && <Alert type="error" showIcon message={problem} />}
      {verdict && <VerifyVerdict refText={verdict.ref} verdict={verdict.v} />}
    </Card>
  );
}
