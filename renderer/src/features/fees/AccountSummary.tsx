import { Alert, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { deskTime } from '../../../../shared/domain/deskTime';
import type { ProcOutput } from '../../../../shared/api/contract';
import { fmtYuan } from '../../../../shared/print/format';

type Account = ProcOutput<'fees:account'>;

/** At a glance (seed 000: verify before collecting): who, months paid, months due, arrears, reminders. */
export function AccountSummary({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions size="small" column={2} bordered data-testid="fee-account">
        <Descriptions.Item label={t('fee.unit')}>
          <b>{account.unitCode}</b>
          {account.areaM2 ? ` · ${account.areaM2} m²` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('fee.occupants')}>
          {account.occupants.map((o) => (
            <span key={o.name + o.role} style={{ marginRight: 8 }}>
              {o.company || o.name} <Tag>{t(`occupantRole.${o.role}`)}</Tag>
              <span style={{ color: '#888' }}>{o.phoneMasked}</span>
            </span>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('fee.arrears')}>
          <b data-testid="fee-arrears" style={{ color: account.arrearsFen ? '#c0392b' : undefined }}>
            {fmtYuan(account.arrearsFen)}
          </b>
        </Descriptions.Item>
        <Descriptions.Item label={t('fee.oldestUnpaid')}>
          <span data-testid="fee-oldest">{account.oldestUnpaid ?? t('fee.none')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fee.monthsPaid')}>
          {account.monthsPaid.length
            ? `${account.monthsPaid[0]} … ${account.monthsPaid.at(-1)} (${account.monthsPaid.length})`
            : t('fee.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('fee.monthsDue')}>
          <span data-testid="fee-months-due">
            {account.monthsDue.map((m) => `${m.period} ${fmtYuan(m.amountFen)}`).join('；') || t('fee.none')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fee.balance')}>
          <span data-testid="fee-balance">
            {account.balanceFen < 0 ? t('fee.credit', { amount: fmtYuan(-account.balanceFen) }) : fmtYuan(account.balanceFen)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fee.reminders')}>
          {account.reminders.length
            ? account.reminders
                .map((r) => `${deskTime(r.at).format('MM-DD')} ${t(`fee.channel.${r.channel}`)} ${r.by}：${r.outcome}`)
                .join('；')
            : t('fee.none')}
        </Descriptions.Item>
      </Descriptions>
      {account.demandLetterDue && (
        <Alert
          style={{ marginTop: 8 }}
          type={account.letterDueNow ? 'error' : 'warning'}
          data-testid="fee-letter-due"
          message={t(account.letterDueNow ? 'fee.letterDueNow' : 'fee.letterDue', { date: account.demandLetterDue })}
        />
      )}
    </>
  );
}
