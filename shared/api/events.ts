// Push events, declared once like the calls. Payloads carry ids only, never
// personal data: a window that cares refetches through a checked call.
export interface EventMap {
  /** A visit was registered or corrected. */
  'visits.changed': { visitId: string; visitNo: string; change: 'registered' | 'corrected' };
  /** Reserved for the queue issue: tickets issued, called, moved. */
  'queue.changed': { lane: string | null };
}

export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = ['visits.changed', 'queue.changed'];

export interface HallEvent<E extends EventName = EventName> {
  name: E;
  payload: EventMap[E];
}

/** The bridge the preload script exposes as `window.hall` (Electron only). */
export interface HallBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: HallEvent) => void): () => void;
}
