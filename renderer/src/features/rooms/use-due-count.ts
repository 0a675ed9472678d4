import { useEffect } from 'react';
import { useQuery } from '@lib/use-query';

/**
 * How many matters' clocks are overdue, due today or due within three days,
 * for the badge beside 期限提醒: the warning reaches whoever is logged in
 * without opening the list. From matters.dueList's counts; refreshed on pushed
 * changes (a registration opens a matter's clock) and hourly (a date falls due
 * by the clock alone).
 */
export function useDueCount(): { urgent: number; overdue: number } {
  const { data, reload } = useQuery(
    'matters.dueList',
    { limit: 1 },
    { invalidatedBy: ['matters.changed', 'visits.changed'], errorTitle: false },
  );
  useEffect(() => {
    const hourly = setInterval(reload, 3_600_000);
    return () => clearInterval(hourly);
  }, [reload]);
  const c = data?.counts;
  return { urgent: c ? c.overdue + c.dueToday + c.dueSoon : 0, overdue: c?.overdue ?? 0 };
}
