import type { TFunction } from 'i18next';
import type { ColumnsType } from 'antd/es/table';
import { Typography } from 'antd';
import {
  ArrearsCell,
  DesksCell,
  InboxCell,
  MajorCell,
  RateCell,
  TicketsCell,
  VersionClockCell,
  WaitingCell,
} from './PortfolioCells';
import { earliest, rateKey, type PortfolioRow } from './portfolioFormat';
import { DEFAULT_SITE_TIME_ZONE } from '../../../../../shared/domain/deskTime';

const by =
  <T extends number | string>(key: (r: PortfolioRow) => T) =>
  (a: PortfolioRow, b: PortfolioRow) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/** The oldest thing waiting for a site, for sorting (nothing waiting sorts last when ascending). */
const oldestWaiting = (r: PortfolioRow) => earliest(r.waitingAtHq.oldestAt, r.desks.deskOldestAt) ?? '9999';

/** The portfolio's columns, each sortable by the figure it shows. */
export function portfolioColumns(t: TFunction): ColumnsType<PortfolioRow> {
  return [
    {
      title: t('portfolio.col.site'),
      key: 'site',
      fixed: 'left',
      width: 120,
      sorter: by((r) => r.code),
      defaultSortOrder: 'ascend',
      render: (_: unknown, r: PortfolioRow) => (
        <span data-testid="portfolio-site">
          <Typography.Text strong>{r.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {r.code}
            {/* A site off HQ's usual clock says so: its today and this month are its own. */}
            {r.zone !== DEFAULT_SITE_TIME_ZONE && ` · ${r.zone}`}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('portfolio.col.desks'),
      key: 'desks',
      width: 110,
      sorter: by((r) => r.desks.silent * 1000 + r.desks.online),
      render: (_: unknown, r: PortfolioRow) => <DesksCell r={r} />,
    },
    {
      title: t('portfolio.col.versionClock'),
      key: 'version',
      width: 100,
      sorter: by((r) => Math.abs(r.desks.clockOffsetMs ?? 0)),
      render: (_: unknown, r: PortfolioRow) => <VersionClockCell r={r} />,
    },
    {
      title: t('portfolio.col.waiting'),
      key: 'waiting',
      width: 120,
      sorter: by(oldestWaiting),
      render: (_: unknown, r: PortfolioRow) => <WaitingCell r={r} />,
    },
    {
      title: t('portfolio.col.rateUnits'),
      key: 'rateUnits',
      width: 110,
      sorter: by((r) => rateKey(r.collection.propertyUnits.permille)),
      render: (_: unknown, r: PortfolioRow) => <RateCell r={r} by="propertyUnits" />,
    },
    {
      title: t('portfolio.col.rateAmount'),
      key: 'rateAmount',
      width: 120,
      sorter: by((r) => rateKey(r.collection.propertyAmount.permille)),
      render: (_: unknown, r: PortfolioRow) => <RateCell r={r} by="propertyAmount" />,
    },
    {
      title: t('portfolio.col.arrears'),
      key: 'arrears',
      width: 130,
      sorter: by((r) => r.arrears.amountFen),
      render: (_: unknown, r: PortfolioRow) => <ArrearsCell r={r} />,
    },
    {
      title: t('portfolio.col.tickets'),
      key: 'tickets',
      width: 120,
      sorter: by((r) => r.overdueTickets * 100000 + r.openTickets),
      render: (_: unknown, r: PortfolioRow) => <TicketsCell r={r} />,
    },
    {
      title: t('portfolio.col.major'),
      key: 'major',
      width: 100,
      sorter: by((r) => (r.majorOpenedToday - r.majorEscalatedToday) * 1000 + r.majorOpenedToday),
      render: (_: unknown, r: PortfolioRow) => <MajorCell r={r} />,
    },
    {
      title: t('portfolio.col.inbox'),
      key: 'inbox',
      width: 110,
      sorter: by((r) => r.conflicts + r.rejections + r.held),
      render: (_: unknown, r: PortfolioRow) => <InboxCell r={r} />,
    },
  ];
}
