import { useCallback, useState } from 'react';
import type { DeskView, LaneView } from '@shared/api/schemas/queue';
import { useQuery, type QueryOptions } from '@lib/use-query';

const NO_LANES: LaneView[] = [];
const NO_DESKS: DeskView[] = [];
/** Tickets issued or called do not change the configuration. */
const CONFIG: QueryOptions = {
  invalidatedBy: [{ event: 'queue.changed', when: (p) => p.reason !== 'tickets' }],
  errorTitle: '无法读取队列设置',
};

/** Lanes and desks, refreshed when the administrator changes them. */
export function useQueueConfig(): { lanes: LaneView[]; desks: DeskView[]; reload: () => void } {
  const lanes = useQuery('queue.lanes', {}, CONFIG);
  const desks = useQuery('queue.desks', {}, CONFIG);
  const { reload: reloadLanes } = lanes;
  const { reload: reloadDesks } = desks;
  const reload = useCallback(() => {
    reloadLanes();
    reloadDesks();
  }, [reloadLanes, reloadDesks]);
  return { lanes: lanes.data ?? NO_LANES, desks: desks.data ?? NO_DESKS, reload };
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
