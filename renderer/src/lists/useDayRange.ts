import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { deskTime } from '../../../shared/domain/deskTime';

export type DayRange = [Dayjs | null, Dayjs | null] | null;

/**
 * A search's date range: the days picked (the last `days` days up to today to begin with, or none) and
 * the `from`/`to` site dates (YYYY-MM-DD) the search procedures take.
 */
export function useDayRange(days?: number) {
  const [range, setRange] = useState<DayRange>(() =>
    days === undefined ? null : [deskTime().subtract(days, 'day'), deskTime()],
  );
  return { range, setRange, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
}
export type DayRangeState = ReturnType<typeof useDayRange>;
