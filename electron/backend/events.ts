import { EventEmitter } from 'node:events';
import type { EventMap, EventName, HallEvent } from '@shared/api/events';

/** In-process pub/sub; the transports forward it to windows (IPC) or browsers (SSE). */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish<E extends EventName>(name: E, payload: EventMap[E]): void {
    const event: HallEvent<E> = { name, payload };
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: HallEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
