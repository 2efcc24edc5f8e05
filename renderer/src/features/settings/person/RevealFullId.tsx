import { useState } from 'react';
import { Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { run } from '../../../api/useDesk';
import { tError } from '../../../i18n';

/**
 * A visit whose full ID number this desk keeps sealed (keepFullIdNumbers): the manager gives a reason
 * and the backend records the read before it answers (设置 → 个人信息访问记录). Shown here only, once.
 */
export function RevealFullId(props: { visitId: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [idNumber, setIdNumber] = useState<string | null>(null);

  if (idNumber) return <span data-testid="person-full-id">{idNumber}</span>;
  const reveal = async () => {
    const r = await run('privacy:revealVisitId', { visitId: props.visitId, reason });
    if (r.ok) setIdNumber(r.value.idNumber);
    else setError(r.error.issues?.[0]?.message ?? r.error.message);
  };
  if (!asking)
    return (
      <Button size="small" onClick={() => setAsking(true)} data-testid="person-reveal-id">
        {t('settings.person.revealId')}
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
          placeholder={t('settings.person.revealReason')}
          onChange={(e) => setReason(e.target.value)}
          onPressEnter={() => void reveal()}
          data-testid="person-reveal-reason"
        />
        <Button size="small" type="primary" onClick={() => void reveal()} data-testid="person-reveal-confirm">
          {t('settings.person.revealConfirm')}
        </Button>
      </Space.Compact>
      {error && (
        <span className="ant-form-item-explain-error" data-testid="person-reveal-reason-error">
          {tError(error)}
        </span>
      )}
    </Space>
  );
}
