import { useEffect, useState } from 'react';
import { call, subscribe } from '../../api/client';

/**
 * How many written answers or handling dates are overdue or fall due within
 * three days, for the badge beside 期限提醒: the warning reaches whoever is
 * logged in without opening the list. Refreshed on pushed changes and hourly
 * (a date falls due by the clock alone).
 */
export function useDueCount(): { urgent: number; overdue: number } {
  const [counts, setCounts] = useState({ urgent: 0, overdue: 0 });
  useEffect(() => {
    const load = () =>
      void call('reception.dueList', {}).then(
        (items) =>
          setCounts({ urgent: items.filter((d) => d.state !== 'ok').length, overdue: items.filter((d) => d.state === 'overdue').length }),
        () => undefined,
      );
    load();
    const hourly = setInterval(load, 3_600_000);
    const stop = subscribe((e) => {
      if (e.name === 'reception.changed') load();
    });
    return () => {
      clearInterval(hourly);
      stop();
    };
  }, []);
  return counts;
}
