import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { run } from '../../../api/useDesk';
import { ReasonedRead } from '../../../forms/ReasonedRead';

/**
 * A visit whose full ID number this desk keeps sealed (keepFullIdNumbers): the manager gives a reason
 * and the backend records the read before it answers (设置 → 个人信息访问记录). Shown here only, once.
 */
export function RevealFullId(props: { visitId: string }) {
  const { t } = useTranslation();
  const [idNumber, setIdNumber] = useState<string | null>(null);
  if (idNumber) return <span data-testid="person-full-id">{idNumber}</span>;
  return (
    <ReasonedRead
      openLabel={t('settings.person.revealId')}
      reasonLabel={t('settings.person.revealReason')}
      confirmLabel={t('settings.person.revealConfirm')}
      testId="person-reveal"
      read={async (reason) => {
        const r = await run('privacy:revealVisitId', { visitId: props.visitId, reason });
        if (!r.ok) return r.error;
        setIdNumber(r.value.idNumber);
        return null;
      }}
    />
  );
}
