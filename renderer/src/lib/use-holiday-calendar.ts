// The holiday calendar (this year and next) for screens that show a date a rule
// will set before it is saved; the backend computes the same date with the same
// module (shared/domain/deadlines.ts) when it saves.
import { useMemo } from 'react';
import type { HolidayCalendar } from '@shared/domain/deadlines';
import { hallDate } from '@shared/time';
import { useQuery } from './use-query';

export function useHolidayCalendar(): HolidayCalendar | null {
  const year = Number(hallDate().slice(0, 4));
  const thisYear = useQuery('calendar.year', { year }, { errorTitle: false }).data;
  const nextYear = useQuery('calendar.year', { year: year + 1 }, { errorTitle: false }).data;
  return useMemo(() => {
    if (!thisYear || !nextYear) return null;
    const days = [...thisYear, ...nextYear];
    return {
      holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
      workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
    };
  }, [thisYear, nextYear]);
}
