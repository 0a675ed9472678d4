// Events between processes that share one database: a call made through one
// serve process (or the desktop app) must reach the hall display and the desks
// served by every other process. The EventBus stays in-process; this bridge
// sends what it publishes to the other processes and hands what they publish
// to it (EventBus.receive). Services keep calling deps.events.publish, which
// they do after their transaction commits, so no process hears of a change it
// cannot read yet.
//
// The engines differ, and this module is the one place that knows how:
//
// PostgreSQL has a message channel built in: NOTIFY on one channel carries the
//   event's JSON (ids only, a few hundred bytes; the limit is 8000) to every
//   connection that LISTENs on it, at commit, in order. A dedicated client (not
//   from the pool: a pooled connection is handed to other queries) LISTENs;
//   publishing NOTIFYs through the pool. NOTIFY reaches the sender too, so each
//   payload names its process and a process skips its own. If the listening
//   connection drops (server restart, network) it reconnects with back-off,
//   then publishes queue.changed locally so that screens refetch whatever they
//   missed meanwhile.
//
// SQLite has no channel between processes, and polling the tables would read
//   them four times a second for nothing. Each event is written to event_log;
//   every 250 ms the watcher asks PRAGMA data_version, a number in the
//   connection's memory that changes only when ANOTHER connection has committed
//   to the file (no table read, no lock), and only then reads the event_log rows
//   after the last one it saw. Rows older than ten minutes are pruned. A log that
//   went backwards means a restore replaced the database: system.restored.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { isEventName, type HallEvent } from '@shared/api/events';
import type { PostgresStore, SqliteStore, Store } from './db/connection';
import type { EventBus } from './events';

export const NOTIFY_CHANNEL = 'petition_hall_events';
/** The settings row a restore from a backup stamps (services/backup/backup.ts). */
export const RESTORED_KEY = 'backup.restored';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD = 7900;
const SQLITE_WATCH_MS = 250;
const SQLITE_KEEP_MS = 10 * 60_000;
const SQLITE_PRUNE_EVERY_MS = 60_000;

export interface EventBridge {
  /** Stops listening and waits for events still being sent. */
  close(): Promise<void>;
}

interface Envelope {
  origin: string;
  event: HallEvent;
}

/** Connects `bus` to every other process on `store`'s database. */
export async function startEventBridge(store: Store, bus: EventBus): Promise<EventBridge> {
  return store.engine === 'postgres' ? startPostgresBridge(store, bus) : startSqliteBridge(store, bus);
}

/** A received event, checked before it reaches the transports (another process may run another version). */
function parseEvent(json: unknown): HallEvent | null {
  const e = json as Partial<HallEvent> | null;
  if (!e || typeof e !== 'object' || typeof e.name !== 'string' || !e.payload || typeof e.payload !== 'object') return null;
  return isEventName(e.name) ? (e as HallEvent) : null;
}

/**
 * Sends events in publishing order, a batch at a time, each batch in one statement: what is
 * published in the same turn of the event loop (a call publishes queue.changed and queue.called
 * one after the other) or while a batch is on its way goes in the next batch. A batch leaves on
 * the next turn (setImmediate), after the publishing call has answered, so its round trip is
 * not in the call's way. A failure is logged and the next batch goes on.
 */
function batchSender(send: (events: HallEvent[]) => Promise<void>) {
  let pending: HallEvent[] = [];
  let scheduled = false;
  let chain: Promise<void> = Promise.resolve();
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    chain = chain
      .then(() => send(batch))
      .catch((e: unknown) => console.warn('事件未能发送到其他进程：', e instanceof Error ? e.message : e));
  };
  return {
    push(event: HallEvent) {
      pending.push(event);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    drain: () => {
      flush();
      return chain;
    },
  };
}

async function startPostgresBridge(store: PostgresStore, bus: EventBus): Promise<EventBridge> {
  const origin = randomUUID();
  const sender = batchSender(async (events) => {
    const payloads = events.map((event) => JSON.stringify({ origin, event } satisfies Envelope));
    const tooBig = events.filter((_, i) => Buffer.byteLength(payloads[i]!) > MAX_PAYLOAD);
    for (const event of tooBig) console.warn('事件未能发送到其他进程：', `事件过大（${event.name}）`);
    const sent = payloads.filter((p) => Buffer.byteLength(p) <= MAX_PAYLOAD);
    if (sent.length === 0) return;
    // One round trip for the batch; the target list is evaluated left to right, so NOTIFYs go in publishing order.
    const calls = sent.map((_, i) => `pg_notify($1, $${i + 2})`).join(', ');
    await store.pool.query(`SELECT ${calls}`, [NOTIFY_CHANNEL, ...sent]);
  });

  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = 250;

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== NOTIFY_CHANNEL || !msg.payload) return;
    let env: Envelope;
    try {
      env = JSON.parse(msg.payload) as Envelope;
    } catch {
      return;
    }
    if (env.origin === origin) return;
    const event = parseEvent(env.event);
    if (event) bus.receive(event);
  };

  const listen = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: store.pool.options.connectionString });
    c.on('error', () => {}); // 'end' follows and reconnects
    c.on('notification', onNotification);
    await c.connect();
    await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
    c.on('end', () => {
      if (client === c) client = null;
      if (!closed) reconnect(true);
    });
    client = c;
  };

  const reconnect = (missed: boolean) => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      listen().then(
        () => {
          delay = 250;
          // Whatever was published while we were not listening is lost: let the screens refetch.
          if (missed) bus.receive({ name: 'queue.changed', payload: { reason: 'tickets' } });
        },
        () => {
          delay = Math.min(delay * 2, 10_000);
          reconnect(missed);
        },
      );
    }, delay);
    retry.unref();
  };

  await listen();
  bus.forwardTo((event) => sender.push(event));
  return {
    async close() {
      closed = true;
      bus.forwardTo(null);
      if (retry) clearTimeout(retry);
      await sender.drain();
      await client?.end().catch(() => {});
    },
  };
}

async function startSqliteBridge(store: SqliteStore, bus: EventBus): Promise<EventBridge> {
  const origin = randomUUID();
  const { db, raw } = store;
  let lastPrune = 0;
  // Written through Kysely, not the raw handle: Kysely queues it behind a write
  // transaction this process may have open on the same connection.
  const sender = batchSender(async (events) => {
    const now = Date.now();
    await db
      .insertInto('event_log')
      .values(events.map((event) => ({ at: new Date(now).toISOString(), origin, event_json: JSON.stringify(event) })))
      .execute();
    if (now - lastPrune > SQLITE_PRUNE_EVERY_MS) {
      lastPrune = now;
      await db
        .deleteFrom('event_log')
        .where('at', '<', new Date(now - SQLITE_KEEP_MS).toISOString())
        .execute();
    }
  });

  let lastId =
    (
      await db
        .selectFrom('event_log')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst()
    )?.id ?? 0;
  const restoreMark = async () =>
    (await db.selectFrom('settings').select('value_json').where('key', '=', RESTORED_KEY).executeTakeFirst())?.value_json ?? null;
  let lastMark = await restoreMark();
  let version = raw.pragma('data_version', { simple: true }) as number;
  let reading: Promise<void> | null = null;

  const readNew = async () => {
    // The log never shrinks below its newest row (pruning keeps the row just written), so a
    // newest id below the last one seen means the database was replaced by a restore
    // (services/backup/backup.ts) in another process: its screens must reload too.
    // The restore also stamps its own settings row (RESTORED_KEY), which catches the case where
    // its own event's id happens to land above the last one seen here.
    const newest =
      (
        await db
          .selectFrom('event_log')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirst()
      )?.id ?? 0;
    const mark = await restoreMark();
    if (newest < lastId || mark !== lastMark) {
      lastId = Math.min(lastId, newest);
      lastMark = mark;
      bus.receive({ name: 'system.restored', payload: { at: new Date().toISOString() } });
    }
    const rows = await db.selectFrom('event_log').select(['id', 'origin', 'event_json']).where('id', '>', lastId).orderBy('id').execute();
    for (const row of rows) {
      lastId = row.id;
      if (row.origin === origin) continue;
      let event: HallEvent | null = null;
      try {
        event = parseEvent(JSON.parse(row.event_json));
      } catch {
        event = null;
      }
      if (event) bus.receive(event);
    }
  };

  const timer = setInterval(() => {
    if (reading || !raw.open) return;
    const v = raw.pragma('data_version', { simple: true }) as number;
    if (v === version) return;
    version = v;
    reading = readNew()
      .catch((e: unknown) => console.warn('读取其他进程的事件失败：', e instanceof Error ? e.message : e))
      .finally(() => {
        reading = null;
      });
  }, SQLITE_WATCH_MS);
  timer.unref();

  bus.forwardTo((event) => sender.push(event));
  return {
    async close() {
      bus.forwardTo(null);
      clearInterval(timer);
      await reading;
      await sender.drain();
    },
  };
}
