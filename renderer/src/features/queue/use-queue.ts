import { useCallback, useEffect, useState } from 'react';
import type { DeskView, LaneView } from '@shared/api/schemas/queue';
import { call, subscribe } from '../../api/client';
import { notifyError } from '@lib/notify';

/** Lanes and desks, refreshed when the administrator changes them. */
export function useQueueConfig(): { lanes: LaneView[]; desks: DeskView[]; reload: () => void } {
  const [lanes, setLanes] = useState<LaneView[]>([]);
  const [desks, setDesks] = useState<DeskView[]>([]);
  const reload = useCallback(() => {
    Promise.all([call('queue.lanes', {}), call('queue.desks', {})]).then(
      ([l, d]) => {
        setLanes(l);
        setDesks(d);
      },
      (e: unknown) => notifyError(e, '无法读取队列设置'),
    );
  }, []);
  useEffect(() => {
    reload();
    return subscribe((e) => {
      if (e.name === 'queue.changed' && (e.payload as { reason: string }).reason !== 'tickets') reload();
    });
  }, [reload]);
  return { lanes, desks, reload };
}

const DESK_KEY = 'petition-hall.deskId';

/** Which desk this screen is: chosen once per machine and remembered. */
export function useThisDesk(): [string | null, (id: string | null) => void] {
  const [deskId, setDeskId] = useState<string | null>(() => localStorage.getItem(DESK_KEY));
  // Stable across renders: effects that depend on it must not re-run (and refetch) every render.
  const set = useCallback((id: string | null) => {
    if (id) localStorage.setItem(DESK_KEY, id);
    else localStorage.removeItem(DESK_KEY);
    setDeskId(id);
  }, []);
  return [deskId, set];
}
