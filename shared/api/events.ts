// Push events, declared once like the calls. Payloads carry ids only, never
// personal data: a window that cares refetches through a checked call.
import type { PlaceKind } from '../domain/queue';

export interface EventMap {
  /** A visit was registered or corrected. */
  'visits.changed': { visitId: string; visitNo: string; change: 'registered' | 'corrected' | 'outcome' };
  /** Tickets issued, called, moved; lanes, desks or settings edited. */
  'queue.changed': { reason: 'tickets' | 'config' | 'settings' };
  /** A ticket was called (or recalled) to a desk or a talk room: the display shows and speaks it. */
  'queue.called': { callId: string; ticketNo: string; deskNumber: number; place: PlaceKind; recall: boolean };
  /** A matter changed state, clock or papers (staff only). */
  'matters.changed': { matterId: string };
  /** Rooms, the roster or bookings changed (date of the session concerned; null: rooms). Staff only. */
  'reception.changed': { date: string | null };
  /** A visitor was finished at a desk or talk room: its paired 评价器 asks (ids only). */
  'pads.asked': { evaluationId: string; deskId: string | null; roomId: string | null };
  /** A 评价器 answer was stored (ids only): statistics refetch, other pads of the place go idle. */
  'pads.answered': { evaluationId: string; deskId: string | null; roomId: string | null };
  /** An export run has written `done` records of a batch (every 5,000), for the export screen. */
  'export.progress': { destinationId: string; batchId: string; done: number };
  /** The database was restored from a backup: every screen reloads (the hall display too). */
  'system.restored': { at: string };
}

/** Events the public hall display may receive (no login): no personal data in them. */
export const PUBLIC_EVENTS: readonly EventName[] = ['queue.changed', 'queue.called', 'system.restored'];

export type EventName = keyof EventMap;

// Every name once, checked complete by the compiler: events from another process are checked against it.
const KNOWN: Record<EventName, true> = {
  'visits.changed': true,
  'queue.changed': true,
  'queue.called': true,
  'matters.changed': true,
  'reception.changed': true,
  'pads.asked': true,
  'pads.answered': true,
  'export.progress': true,
  'system.restored': true,
};

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(KNOWN, name);
}

export interface HallEvent<E extends EventName = EventName> {
  name: E;
  payload: EventMap[E];
}

/** The bridge the preload script exposes as `window.hall` (Electron only). */
export interface HallBridge {
  /** `idempotencyKey`: the form submission's key, for the methods that take one (contract.ts). */
  invoke(method: string, input: unknown, idempotencyKey?: string): Promise<unknown>;
  subscribe(listener: (event: HallEvent) => void): () => void;
}
