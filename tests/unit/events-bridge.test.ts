// Events cross processes sharing one database (events-bridge.ts): two backends
// on the same SQLite file or the same PostgreSQL database, as two serve
// processes (or the desktop app and serve mode) are.
import { describe, expect, it } from 'vitest';
import type { HallEvent } from '@shared/api/events';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { startHttpServer } from '../../electron/backend/http/server';
import { PASSWORD, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { DESK, LANE, issueMany } from '../support/queue';

let hall: TestHall;
let a: Backend;
let b: Backend;
useHall(async (h) => {
  hall = h;
  a = h.backend;
  b = await createBackend({ dataDir: h.dir, database: h.database, now: () => new Date(h.clock.now) });
  h.defer(() => b.close());
});

function record(backend: Backend): HallEvent[] {
  const seen: HallEvent[] = [];
  backend.events.subscribe((e) => seen.push(e));
  return seen;
}

async function until(cond: () => boolean, ms: number): Promise<number> {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - start;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('events between processes on one database', () => {
  it('an event published in one arrives once in the other within 2 s, and is not echoed back', async () => {
    const inA = record(a);
    const inB = record(b);
    a.events.publish('matters.changed', { matterId: 'm-from-a' });
    const ms = await until(() => inB.length > 0, 2000);
    b.events.publish('matters.changed', { matterId: 'm-from-b' });
    await until(() => inA.some((e) => e.payload && 'matterId' in e.payload && e.payload.matterId === 'm-from-b'), 2000);
    await sleep(700); // time for any duplicate or echo to show up
    expect(inB).toEqual([
      { name: 'matters.changed', payload: { matterId: 'm-from-a' } },
      { name: 'matters.changed', payload: { matterId: 'm-from-b' } },
    ]);
    expect(inA).toEqual([
      { name: 'matters.changed', payload: { matterId: 'm-from-a' } },
      { name: 'matters.changed', payload: { matterId: 'm-from-b' } },
    ]);
    console.log(`event crossed processes in ${ms.toFixed(0)} ms`);
  });

  it('keeps the publishing order of a burst', async () => {
    const inB = record(b);
    for (let i = 0; i < 20; i++) a.events.publish('export.progress', { destinationId: 'd', batchId: 'x', done: i });
    await until(() => inB.length >= 20, 2000);
    await sleep(300);
    expect(inB.map((e) => (e.payload as { done: number }).done)).toEqual([...Array(20).keys()]);
  });

  it('a call made through a second HTTP server reaches the hall display served by the first within a second', async () => {
    const clerk = await hall.as('clerk', 'desk1');
    await issueMany(clerk, LANE.A, 1);
    const first = await startHttpServer(a, { host: '127.0.0.1', port: 0, staticDir: hall.dir });
    hall.defer(() => first.close());
    const second = await startHttpServer(b, { host: '127.0.0.1', port: 0, staticDir: hall.dir });
    hall.defer(() => second.close());

    const display = await fetch(`${first.url}/api/display/events`);
    expect(display.headers.get('content-type')).toContain('text/event-stream');
    const reader = display.body!.getReader();
    hall.defer(() => reader.cancel());
    let text = '';
    const decoder = new TextDecoder();
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += decoder.decode(value);
      }
    };
    await readUntil(': connected');

    const post = async (method: string, body: unknown, cookie = '') => {
      const res = await fetch(`${second.url}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify(body),
      });
      return { res, body: (await res.json()) as { ok: boolean; data?: unknown } };
    };
    const login = await post('auth.login', { username: 'desk1', password: PASSWORD });
    expect(login.body.ok).toBe(true);
    const cookie = login.res.headers.get('set-cookie')!.split(';')[0]!;

    const started = performance.now();
    const called = await post('queue.callNext', { deskId: DESK[1] }, cookie);
    expect(called.body.ok).toBe(true);
    expect(called.body.data).toMatchObject({ ticketNo: 'A001' });
    await Promise.race([
      readUntil('queue.called'),
      sleep(1000).then(() => {
        throw new Error('the display did not hear the call within a second');
      }),
    ]);
    const ms = performance.now() - started;
    expect(text).toContain('"ticketNo":"A001"');
    console.log(`call through the second server reached the first server's display in ${ms.toFixed(0)} ms`);
  });
});
