import { useCallback, useEffect, useState } from 'react';
import type { EventName } from '@shared/api/events';
import { subscribe } from '../../api/client';
import { notifyError } from '@lib/notify';

/**
 * Loads data and reloads it when the hall's rooms, roster or bookings change
 * (pushed events, never polling). Every change to a leader's queue — room
 * numbers called included — sends reception.changed, so the desks' own calls
 * (queue.changed) do not make the leader's screen reload its histories.
 * `key` re-runs the load when it changes.
 */
export function useLive<T>(
  load: () => Promise<T>,
  key: string,
  events: readonly EventName[] = ['reception.changed'],
): { data: T | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const reload = useCallback(() => void load().then(setData, (e: unknown) => notifyError(e, '无法读取数据')), [key]);
  useEffect(() => {
    reload();
    return subscribe((e) => {
      if (events.includes(e.name)) reload();
    });
  }, [reload]);
  return { data, reload };
}
