// The PostgreSQL listening connection comes back after the server drops it
// (events-bridge.ts). PostgreSQL run only (*.pg.test.ts).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { HallEvent } from '@shared/api/events';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { NOTIFY_CHANNEL } from '../../electron/backend/events-bridge';
import type { TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
let b: Backend;
useHall(async (h) => {
  hall = h;
  b = await createBackend({ dataDir: h.dir, database: h.database, now: () => new Date(h.clock.now) });
  h.defer(() => b.close());
});

async function until(cond: () => boolean, ms: number): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the PostgreSQL event listener', () => {
  it('reconnects after its connection is killed, tells screens to refetch, and carries events again', async () => {
    const inB: HallEvent[] = [];
    b.events.subscribe((e) => inB.push(e));
    const admin = new pg.Client({ connectionString: hall.database });
    await admin.connect();
    hall.defer(() => admin.end());
    const killed = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
      [`LISTEN ${NOTIFY_CHANNEL}`],
    );
    expect(killed.rowCount).toBe(2); // one listener per backend
    await until(() => inB.some((e) => e.name === 'queue.changed'), 5000);
    hall.backend.events.publish('matters.changed', { matterId: 'after-reconnect' });
    await until(() => inB.some((e) => e.name === 'matters.changed'), 5000);
  });
});
