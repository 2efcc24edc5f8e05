import { useState } from 'react';
import { Card, Tag } from 'antd';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../stores/nav';
import type { Visit } from '../../../../shared/api/schemas';
import { useDeskQuery, useNow } from '../../api/useDesk';
import { visitColumns } from './visitColumns';
import { DayRangeFilter, SearchBox, SearchFilters } from '../../lists/SearchFilters';
import { ResultTable } from '../../lists/ResultTable';
import { useDayRange } from '../../lists/useDayRange';

const STATUS_COLOR = { on_site: 'blue', checked_out: 'default', not_returned: 'orange' } as const;

/** Visit history: one box finds name, phone, ID, host, unit, plate or pass number; dates narrow it. */
export function HistoryPage() {
  const { t } = useTranslation();
  const now = useNow();
  const [text, setText] = useState('');
  const days = useDayRange(7);
  const found = useDeskQuery('visits:search', { text, from: days.from, to: days.to, limit: 200 }, ['visits-changed']);
  return (
    <Card
      title={
        <span>
          {t('nav.history')}
          <span className="kbd">{SHORTCUTS.history}</span>
        </span>
      }
    >
      <SearchFilters>
        <SearchBox
          label={t('history.search')}
          autoFocus
          placeholder={t('history.searchHint')}
          onSearch={setText}
          width={320}
          testId="history-search"
          error={found.error}
          path="text"
        />
        <DayRangeFilter label={t('history.dates')} days={days} />
      </SearchFilters>
      <ResultTable<Visit>
        found={found}
        testId="history-table"
        columns={[
          ...visitColumns(t, now),
          {
            title: t('visit.timeOut'),
            dataIndex: 'checkedOutAt',
            width: 120,
            render: (v: string | null) => (v ? deskTime(v).format('MM-DD HH:mm') : ''),
          },
          {
            title: t('visit.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: Visit['status']) => <Tag color={STATUS_COLOR[s]}>{t(`visitStatus.${s}`)}</Tag>,
          },
          { title: t('visit.registeredBy'), dataIndex: 'actorName', width: 100 },
        ]}
      />
    </Card>
  );
}
