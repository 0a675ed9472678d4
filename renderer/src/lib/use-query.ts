// The renderer's one way to load data: a contract method and its input, and
// the pushed events that make what it returned out of date. Events carry ids
// only, so a screen that cares refetches through the checked call.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '@shared/api/contract';
import type { EventMap, EventName, HallEvent } from '@shared/api/events';
import { ApiError } from '@shared/api/errors';
import { call, onDatabaseStatus, subscribe } from '../api/client';
import { notifyError } from './notify';

/** An event that invalidates a query: by name, or by name and a test of its payload. */
export type Invalidation = EventName | { [E in EventName]: { event: E; when: (payload: EventMap[E]) => boolean } }[EventName];

export interface QueryOptions {
  /** Pushed events after which the query is fetched again (once per burst). */
  invalidatedBy?: readonly Invalidation[];
  /** False: do not fetch (yet); data already loaded is kept. */
  enabled?: boolean;
  /** The title of the notice shown when loading fails; false: fail silently (the error is still returned). */
  errorTitle?: string | false;
}

export interface QueryResult<T> {
  /** The last data loaded, kept while reloading; null until the first load. */
  data: T | null;
  /** Why the last load failed (cleared by the next success). */
  error: unknown;
  loading: boolean;
  /** Fetches again now (after an action whose effect the screen shows). */
  reload: () => void;
}

/** Events arriving within this window (queue.changed with queue.called, say) cause one refetch. */
const BURST_MS = 40;

const eventOf = (i: Invalidation): EventName => (typeof i === 'string' ? i : i.event);
const matches = (i: Invalidation, e: HallEvent): boolean =>
  typeof i === 'string' ? i === e.name : i.event === e.name && (i.when as (p: unknown) => boolean)(e.payload);

// One subscription shared by every query on screen: over HTTP each subscription is
// an EventSource, a connection of its own, and a browser allows few per server.
const listeners = new Set<(e: HallEvent) => void>();
let stopShared: (() => void) | null = null;
function listen(listener: (e: HallEvent) => void): () => void {
  listeners.add(listener);
  stopShared ??= subscribe((e) => listeners.forEach((l) => l(e)));
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    stopShared?.();
    stopShared = null;
  };
}

export function useQuery<M extends MethodName>(method: M, input: InputOf<M>, options: QueryOptions = {}): QueryResult<OutputOf<M>> {
  const { enabled = true, invalidatedBy = [], errorTitle = '无法读取数据' } = options;
  // The input is compared by value: an object literal written inline does not refetch every render.
  const inputKey = JSON.stringify(input ?? {});
  const [state, setState] = useState<{ data: OutputOf<M> | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: enabled,
  });

  // Each request is numbered; only the latest one may write its answer (a slower older one is dropped).
  const latest = useRef(0);
  const reload = useCallback(() => {
    if (!enabled) return;
    const id = ++latest.current;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    call(method, JSON.parse(inputKey) as InputOf<M>).then(
      (data) => {
        if (id === latest.current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (id !== latest.current) return;
        setState((s) => ({ data: s.data, error, loading: false }));
        // While the database is unreachable the banner says so and the load is retried: no notice for each screen.
        if (errorTitle !== false && !(error instanceof ApiError && error.code === 'DB_UNAVAILABLE')) notifyError(error, errorTitle);
      },
    );
  }, [method, inputKey, enabled, errorTitle]);

  useEffect(() => {
    reload();
  }, [reload]);

  // A load that failed while the database was unreachable is tried again once it is back.
  const failed = state.error !== null;
  useEffect(() => {
    if (!enabled || !failed) return;
    return onDatabaseStatus((down) => {
      if (!down) reload();
    });
  }, [enabled, failed, reload]);

  // The listener reads the latest reload and tests without resubscribing when they change.
  const reloadRef = useRef(reload);
  const testsRef = useRef(invalidatedBy);
  useEffect(() => {
    reloadRef.current = reload;
    testsRef.current = invalidatedBy;
  });
  const eventsKey = [...new Set(invalidatedBy.map(eventOf))].join(' ');
  useEffect(() => {
    if (!enabled || !eventsKey) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = listen((e) => {
      if (timer !== undefined || !testsRef.current.some((i) => matches(i, e))) return;
      timer = setTimeout(() => {
        timer = undefined;
        reloadRef.current();
      }, BURST_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [eventsKey, enabled]);

  return { ...state, reload };
}

/**
 * The database was restored from a backup (备份与恢复): every screen of this
 * window reloads, so nothing shows data of the replaced database. Used once, by the shell.
 */
export function useReloadOnRestore(): void {
  useEffect(
    () =>
      listen((e) => {
        if (e.name === 'system.restored') window.location.reload();
      }),
    [],
  );
}
