import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { permilleText, yuanText } from '../reports/reportFormat';
import { clockText, shortTime, type PortfolioRow } from './portfolioFormat';

const { Text } = Typography;

/** Desks online and silent (no word for over a day, in red), with the last contact on hover. */
export function DesksCell({ r }: { r: PortfolioRow }) {
  const { t } = useTranslation();
  const d = r.desks;
  const last = d.lastSeenAt ? shortTime(d.lastSeenAt, r.zone) : '—';
  if (d.active === 0) return <Text type="secondary">{t('portfolio.desks.none')}</Text>;
  return (
    <Tooltip title={t('portfolio.desks.lastSeen', { at: last })}>
      <Space size={4} wrap data-testid="portfolio-desks">
        <Tag color={d.online > 0 ? 'green' : undefined}>{t('portfolio.desks.online', { n: d.online })}</Tag>
        {d.silent > 0 && (
          <Tag color="red" data-testid="portfolio-silent">
            {t('portfolio.desks.silent', { n: d.silent })}
          </Tag>
        )}
      </Space>
    </Tooltip>
  );
}

/** The desks' versions and their clock against HQ's (red past the drift limit). */
export function VersionClockCell({ r }: { r: PortfolioRow }) {
  const { t } = useTranslation();
  if (r.desks.versions.length === 0 && r.desks.clockOffsetMs === null) return <Text type="secondary">—</Text>;
  return (
    <Space direction="vertical" size={0}>
      <span data-testid="portfolio-version">{r.desks.versions.length ? r.desks.versions.join(', ') : '—'}</span>
      <Text type={r.desks.clockFlagged ? 'danger' : 'secondary'} data-testid="portfolio-clock">
        {clockText(t, r.desks.clockOffsetMs)}
      </Text>
    </Space>
  );
}

/** What waits: at HQ for a record it lacks, and at the desks unsent; the oldest on the site's clock. */
export function WaitingCell({ r }: { r: PortfolioRow }) {
  const { t } = useTranslation();
  const hq = r.waitingAtHq;
  const desk = r.desks;
  if (hq.count === 0 && desk.deskQueue === 0) return <Text type="secondary">{t('portfolio.waiting.none')}</Text>;
  return (
    <Space direction="vertical" size={0} data-testid="portfolio-waiting">
      {hq.count > 0 && (
        <Text type="warning">
          {t('portfolio.waiting.atHq', { n: hq.count, at: hq.oldestAt ? shortTime(hq.oldestAt, r.zone) : '—' })}
        </Text>
      )}
      {desk.deskQueue > 0 && (
        <Text type="warning">
          {t('portfolio.waiting.atDesk', {
            n: desk.deskQueue,
            at: desk.deskOldestAt ? shortTime(desk.deskOldestAt, r.zone) : '—',
          })}
        </Text>
      )}
    </Space>
  );
}

/** A collection rate with what it is of: units paid of units charged, or yuan paid of yuan due. */
export function RateCell({ r, by }: { r: PortfolioRow; by: 'propertyUnits' | 'propertyAmount' }) {
  const { t } = useTranslation();
  const rate = r.collection[by];
  const of =
    by === 'propertyUnits'
      ? t('portfolio.fees.unitsOf', { paid: rate.paid, due: rate.due })
      : t('portfolio.fees.amountOf', { paid: yuanText(rate.paid), due: yuanText(rate.due) });
  if (rate.due === 0)
    return (
      <Text type="secondary" data-testid={`portfolio-rate-${by}`}>
        {t('portfolio.fees.nothingDue')}
      </Text>
    );
  return (
    <Space direction="vertical" size={0} data-testid={`portfolio-rate-${by}`}>
      <Text strong>{permilleText(rate.permille)}</Text>
      <Text type="secondary">{of}</Text>
    </Space>
  );
}

/** Units in arrears by the age of their oldest unpaid month, and what they owe. */
export function ArrearsCell({ r }: { r: PortfolioRow }) {
  const { t } = useTranslation();
  const a = r.arrears;
  if (a.units === 0) return <Text type="secondary">{t('portfolio.fees.noArrears')}</Text>;
  const ages = [
    { key: 'one', n: a.one },
    { key: 'two', n: a.two },
    { key: 'three', n: a.threePlus },
  ].filter((x) => x.n > 0);
  return (
    <Space direction="vertical" size={0} data-testid="portfolio-arrears">
      {ages.map((x) => (
        <Text key={x.key} type={x.key === 'three' ? 'danger' : undefined}>
          {t(`portfolio.fees.age.${x.key}`, { n: x.n })}
        </Text>
      ))}
      <Text type="secondary">{t('portfolio.fees.owing', { units: a.units, amount: yuanText(a.amountFen) })}</Text>
    </Space>
  );
}

/** Open tickets, the overdue ones in red. */
export function TicketsCell({ r }: { r: PortfolioRow }) {
  const { t } = useTranslation();
  return (
    <span data-testid="portfolio-tickets">
      {t('portfolio.tickets.open', { n: r.openTickets })}
      {' · '}
      <Text type={r.overdueTickets > 0 ? 'danger' : undefined} strong={r.overdueTickets > 0} data-testid="portfolio-overdue">
        {t('portfolio.tickets.overdue', { n: r.overdueTickets })}
      </Text>
    </span>
  );
}

/** Major complaints of the site's day: escalated of received (one not escalated yet in red). */
export function MajorCell({ r }: { r: PortfolioRow }) {
  const { t } = useTranslation();
  if (r.majorOpenedToday === 0 && r.majorEscalatedToday === 0) return <Text type="secondary">0</Text>;
  const behind = r.majorEscalatedToday < r.majorOpenedToday;
  return (
    <Text type={behind ? 'danger' : undefined} data-testid="portfolio-major">
      {t('portfolio.major.escalated', { escalated: r.majorEscalatedToday, opened: r.majorOpenedToday })}
    </Text>
  );
}

/** Conflicts to resolve, refused records no desk handled, privileged changes held for HQ. */
export function InboxCell({ r }: { r: PortfolioRow }) {
  const { t } = useTranslation();
  const items = [
    { key: 'conflicts', n: r.conflicts },
    { key: 'rejections', n: r.rejections },
    { key: 'held', n: r.held },
  ].filter((x) => x.n > 0);
  if (items.length === 0) return <Text type="secondary">{t('portfolio.inbox.none')}</Text>;
  return (
    <Space direction="vertical" size={0} data-testid="portfolio-inbox">
      {items.map((x) => (
        <Text key={x.key} type="warning">
          {t(`portfolio.inbox.${x.key}`, { n: x.n })}
        </Text>
      ))}
    </Space>
  );
}
