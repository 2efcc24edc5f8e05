import { Descriptions, Result } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ConsoleOutput } from '../../../../src/console/contract/index';

type Verdict = ConsoleOutput<'verify.receipt'>;

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** HQ's answer about one reference: genuine, voided, or unknown (with what to do next). */
export function VerifyVerdict(props: { refText: string; verdict: Verdict }) {
  const { t } = useTranslation();
  const v = props.verdict;
  if (v.status === 'unknown')
    return (
      <Result
        status="warning"
        title={<span data-testid="verify-status">{t('verify.unknown')}</span>}
        subTitle={t('verify.unknownWhy')}
        data-testid="verify-verdict"
      />
    );
  const issued = [
    { key: 'no', label: t('verify.receiptNo'), children: v.receiptNo },
    { key: 'amount', label: t('verify.amount'), children: yuan(v.amountFen) },
    { key: 'site', label: t('verify.site'), children: `${v.siteCode} · ${v.siteName}` },
    { key: 'desk', label: t('verify.desk'), children: v.deskCode ?? '—' },
    { key: 'issued', label: t('verify.issuedAt'), children: when(v.issuedAt) },
  ];
  const voided =
    v.status === 'voided'
      ? [
          { key: 'voidedAt', label: t('verify.voidedAt'), children: v.voidedAt ? when(v.voidedAt) : t('verify.notYetAtHq') },
          { key: 'reason', label: t('verify.reason'), children: v.reason ?? '—' },
          { key: 'voidedBy', label: t('verify.voidedBy'), children: v.voidedBy ?? '—' },
          { key: 'approvedBy', label: t('verify.approvedBy'), children: v.approvedBy ?? '—' },
        ]
      : [];
  return (
    <Result
      status={v.status === 'genuine' ? 'success' : 'error'}
      title={<span data-testid="verify-status">{t(v.status === 'genuine' ? 'verify.genuine' : 'verify.voided')}</span>}
      data-testid="verify-verdict"
    >
      <Descriptions bordered column={1} size="small" items={[...issued, ...voided]} data-testid="verify-details" />
    </Result>
  );
}
