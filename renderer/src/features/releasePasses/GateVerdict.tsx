import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import type { ReleasePass } from '../../../../shared/api/releasePassSchemas';

const fmt = (iso: string | null) => (iso ? deskTime(iso).format('MM-DD HH:mm') : '');

/**
 * The guard's answer in one glance: green when the goods may go, red with the reason when not.
 * `justReleased` keeps it green right after this post released the goods (the pass is then "used").
 */
export function GateVerdict(props: { pass: ReleasePass; justReleased: boolean }) {
  const { t } = useTranslation();
  const p = props.pass;
  if (props.justReleased) {
    return (
      <div className="verdict ok" data-testid="gate-verdict" data-verdict="released">
        <div className="verdict-title">{t(p.releasePartial ? 'gate.releasedPartial' : 'gate.released')}</div>
        <div className="verdict-why">{t('gate.releasedWhy', { passNo: p.passNo, time: fmt(p.closedAt) })}</div>
      </div>
    );
  }
  const why = {
    valid: t('gate.validWhy', { until: fmt(p.validUntil) }),
    not_yet_valid: t('gate.notYetWhy', { from: fmt(p.validFrom) }),
    expired: t('gate.expiredWhy', { until: fmt(p.validUntil) }),
    used: t('gate.usedWhy', { time: fmt(p.closedAt), name: p.closedByName ?? '' }),
    cancelled: t('gate.cancelledWhy', { time: fmt(p.closedAt), name: p.closedByName ?? '', reason: p.cancelReason ?? '' }),
  }[p.verdict];
  return (
    <div className={`verdict ${p.verdict === 'valid' ? 'ok' : 'bad'}`} data-testid="gate-verdict" data-verdict={p.verdict}>
      <div className="verdict-title">{t(`gate.verdict.${p.verdict}`)}</div>
      <div className="verdict-why">{why}</div>
    </div>
  );
}
