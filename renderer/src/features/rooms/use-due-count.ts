import { useEffect, useMemo } from 'react';
import { useQuery } from '@lib/use-query';

/**
 * How many written answers or handling dates are overdue or fall due within
 * three days, for the badge beside 期限提醒: the warning reaches whoever is
 * logged in without opening the list. Refreshed on pushed changes and hourly
 * (a date falls due by the clock alone).
 */
export function useDueCount(): { urgent: number; overdue: number } {
  const { data: items, reload } = useQuery('reception.dueList', {}, { invalidatedBy: ['reception.changed'], errorTitle: false });
  useEffect(() => {
    const hourly = setInterval(reload, 3_600_000);
    return () => clearInterval(hourly);
  }, [reload]);
  return useMemo(
    () => ({
      urgent: items?.filter((d) => d.state !== 'ok').length ?? 0,
      overdue: items?.filter((d) => d.state === 'overdue').length ?? 0,
    }),
    [items],
  );
}
