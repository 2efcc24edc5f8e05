import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailItem } from '../../../../shared/api/mailSchemas';
import { useDeskQuery } from '../../api/useDesk';
import { mailColumns } from './mailColumns';
import { DayRangeFilter, SearchBox, SearchFilters } from '../../lists/SearchFilters';
import { ResultTable } from '../../lists/ResultTable';
import { useDayRange } from '../../lists/useDayRange';

/** The register searched by tracking number, unit and date; a lost-mail complaint reads the last signer here. */
export function HistoryTab() {
  const { t } = useTranslation();
  const [trackingNo, setTrackingNo] = useState('');
  const [unit, setUnit] = useState('');
  const days = useDayRange(30);
  const found = useDeskQuery('mail:search', { trackingNo, unit, from: days.from, to: days.to, limit: 200 }, ['mail-changed']);
  return (
    <div>
      <SearchFilters>
        <SearchBox
          label={t('mail.trackingNo')}
          autoFocus
          onSearch={setTrackingNo}
          width={220}
          testId="mail-history-tracking"
          error={found.error}
          path="trackingNo"
        />
        <SearchBox
          label={t('mail.unit')}
          onSearch={setUnit}
          width={160}
          testId="mail-history-unit"
          error={found.error}
          path="unit"
        />
        <DayRangeFilter days={days} />
      </SearchFilters>
      <ResultTable<MailItem> found={found} testId="mail-history-table" empty={t('mail.none')} columns={mailColumns(t)} />
    </div>
  );
}
