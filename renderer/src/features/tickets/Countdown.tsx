import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Time left to a due time ("2h 10m"), or how long overdue, in red: overdue stands out. */
export function Countdown(props: { dueAt: string | null; now: Date }) {
  const { t } = useTranslation();
  if (!props.dueAt) return <span style={{ color: '#aaa' }}>—</span>;
  const ms = Date.parse(props.dueAt) - props.now.getTime();
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const text =
    d > 0
      ? `${d}${t('ticket.d')} ${h}${t('ticket.h')}`
      : h > 0
        ? `${h}${t('ticket.h')} ${m}${t('ticket.m')}`
        : `${m}${t('ticket.m')}`;
  if (ms < 0)
    return (
      <Tag color="red" data-testid="ticket-overdue" style={{ fontWeight: 'bold' }}>
        {t('ticket.overdueBy', { time: text })}
      </Tag>
    );
  return <Tag color={ms < 3_600_000 ? 'orange' : 'default'}>{t('ticket.dueIn', { time: text })}</Tag>;
}
