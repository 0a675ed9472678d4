import { EventEmitter } from 'node:events';
import type { EventMap, EventName, HallEvent } from '@shared/api/events';

/**
 * Pub/sub of the hall's events; the transports forward it to windows (IPC) or
 * browsers (SSE). What is published here also goes, through the bridge
 * (events-bridge.ts), to every other process on the same database, and what
 * they publish arrives here through `receive`.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private outbound: ((event: HallEvent) => void) | null = null;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish<E extends EventName>(name: E, payload: EventMap[E]): void {
    const event: HallEvent<E> = { name, payload };
    this.emitter.emit('event', event);
    this.outbound?.(event as HallEvent);
  }

  /** An event another process published: delivered to this process's subscribers, not sent on again. */
  receive(event: HallEvent): void {
    this.emitter.emit('event', event);
  }

  /** Where published events go besides this process (the bridge); one at a time. */
  forwardTo(send: ((event: HallEvent) => void) | null): void {
    this.outbound = send;
  }

  subscribe(listener: (event: HallEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
