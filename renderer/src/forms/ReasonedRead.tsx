import { useState } from 'react';
import { Button, Input, Space } from 'antd';
import type { ApiError } from '../../../shared/api/result';
import { tError } from '../i18n';

/**
 * A sensitive read that needs a reason (个人信息保护): a button opens the reason box; Enter or the
 * confirm button asks `read(reason)`, which the backend records before it answers, and a refusal (no
 * reason, not allowed) is said under the box. The caller shows what was read once `read` has it.
 * Test ids: `<testId>-open`, `-reason`, `-confirm`, `-reason-error`.
 */
export function ReasonedRead(props: {
  openLabel: string;
  reasonLabel: string;
  confirmLabel: string;
  testId: string;
  read: (reason: string) => Promise<ApiError | null>;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const ask = async () => {
    const failed = await props.read(reason);
    setError(failed ? (failed.issues?.[0]?.message ?? failed.message) : '');
  };
  if (!asking)
    return (
      <Button size="small" onClick={() => setAsking(true)} data-testid={`${props.testId}-open`}>
        {props.openLabel}
      </Button>
    );
  return (
    <Space direction="vertical" size={4}>
      <Space.Compact>
        <Input
          autoFocus
          size="small"
          value={reason}
          status={error ? 'error' : undefined}
          placeholder={props.reasonLabel}
          onChange={(e) => setReason(e.target.value)}
          onPressEnter={() => void ask()}
          data-testid={`${props.testId}-reason`}
        />
        <Button size="small" type="primary" onClick={() => void ask()} data-testid={`${props.testId}-confirm`}>
          {props.confirmLabel}
        </Button>
      </Space.Compact>
      {error && (
        <span className="ant-form-item-explain-error" data-testid={`${props.testId}-reason-error`}>
          {tError(error)}
        </span>
      )}
    </Space>
  );
}
