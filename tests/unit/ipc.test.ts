// The Electron IPC transport, with a stand-in for the one thing we cannot run
// here: Electron's ipcMain. The backend behind it is real.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { PASSWORD, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const handlers = new Map<string, Handler>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, h: Handler) => handlers.set(channel, h),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { bindIpc, INVOKE_CHANNEL, EVENT_CHANNEL } = await import('../../electron/main/ipc');

class FakeContents extends EventEmitter {
  sent: unknown[][] = [];
  constructor(readonly id: number) {
    super();
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

const APP = 'file:///opt/hall/out/renderer';
let hall: TestHall;
let unbind: () => void;
let windows: { isDestroyed(): boolean; webContents: FakeContents }[];

useHall((h) => {
  hall = h;
  windows = [];
  unbind = bindIpc(
    hall.backend,
    () => windows as never,
    (url) => url.startsWith(APP),
  );
  hall.defer(() => unbind());
});

const invoke = (wc: FakeContents, url: string, method: unknown, input: unknown, idempotencyKey?: unknown) =>
  handlers.get(INVOKE_CHANNEL)!({ sender: wc, senderFrame: { url } }, method, input, idempotencyKey) as Promise<{
    ok: boolean;
    data?: unknown;
    error?: { code: string };
  }>;

describe('Electron IPC transport', () => {
  it('keeps one session per window, never handing the token to the page', async () => {
    const a = new FakeContents(1);
    const b = new FakeContents(2);
    const tokens = () => [...(hall.backend.deps.sessions as unknown as { sessions: Map<string, unknown> }).sessions.keys()];
    const before = tokens();
    const login = await invoke(a, `${APP}/index.html`, 'auth.login', { username: 'admin', password: PASSWORD });
    expect(login.ok).toBe(true);
    expect(JSON.stringify(login)).not.toMatch(/token/i);
    expect((await invoke(a, `${APP}/index.html`, 'users.list', {})).ok).toBe(true);
    expect((await invoke(b, `${APP}/index.html`, 'users.list', {})).error?.code).toBe('UNAUTHENTICATED');
    // Closing the window ends its session in the backend too (not only in the transport).
    const live = tokens().filter((t) => !before.includes(t));
    expect(live).toHaveLength(1);
    a.emit('destroyed');
    expect(hall.backend.deps.sessions.touch(live[0])).toBeNull();
    expect((await invoke(a, `${APP}/index.html`, 'users.list', {})).error?.code).toBe('UNAUTHENTICATED');
  });

  it('holds back a window after three wrong logins, not the other windows', async () => {
    const a = new FakeContents(6);
    const b = new FakeContents(7);
    for (let i = 0; i < 3; i++)
      expect((await invoke(a, `${APP}/index.html`, 'auth.login', { username: 'admin', password: 'wrong' })).error?.code).toBe(
        'BAD_CREDENTIALS',
      );
    expect((await invoke(a, `${APP}/index.html`, 'auth.login', { username: 'admin', password: PASSWORD })).error?.code).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    expect((await invoke(b, `${APP}/index.html`, 'auth.login', { username: 'admin', password: PASSWORD })).ok).toBe(true);
  });

  it('passes the idempotency key on: a repeated 取号 with the same key is the same ticket', async () => {
    const wc = new FakeContents(8);
    expect((await invoke(wc, `${APP}/index.html`, 'auth.login', { username: 'admin', password: PASSWORD })).ok).toBe(true);
    const lanes = (await invoke(wc, `${APP}/index.html`, 'queue.lanes', {})).data as { id: string }[];
    const key = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const first = await invoke(wc, `${APP}/index.html`, 'queue.issue', { laneId: lanes[0]!.id }, key);
    const again = await invoke(wc, `${APP}/index.html`, 'queue.issue', { laneId: lanes[0]!.id }, key);
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    const other = await invoke(wc, `${APP}/index.html`, 'queue.issue', { laneId: lanes[0]!.id });
    expect(other.data).not.toEqual(first.data);
  });

  it('refuses pages that are not ours and methods that are not in the contract', async () => {
    const wc = new FakeContents(3);
    expect((await invoke(wc, 'https://evil.example/', 'setup.status', {})).error?.code).toBe('FORBIDDEN');
    expect((await invoke(wc, `${APP}/index.html`, 'fs.readFile', {})).error?.code).toBe('UNKNOWN_METHOD');
    expect((await invoke(wc, `${APP}/index.html`, 'setup.status', {})).ok).toBe(true);
  });

  it('forwards staff events to logged-in windows only, queue events to every window', async () => {
    const desk = new FakeContents(4);
    const display = new FakeContents(5);
    windows.push({ isDestroyed: () => false, webContents: desk }, { isDestroyed: () => false, webContents: display });
    await invoke(desk, `${APP}/index.html`, 'auth.login', { username: 'admin', password: PASSWORD });
    await invoke(display, `${APP}/index.html#/display`, 'display.state', {});
    hall.backend.events.publish('visits.changed', { visitId: 'v', visitNo: 'LF20261124-0001', change: 'registered' });
    hall.backend.events.publish('queue.called', { callId: 'c', ticketNo: 'A001', deskNumber: 1, place: 'desk', recall: false });
    expect(desk.sent.map(([, e]) => (e as { name: string }).name)).toEqual(['visits.changed', 'queue.called']);
    expect(display.sent.map(([, e]) => (e as { name: string }).name)).toEqual(['queue.called']);
    expect(EVENT_CHANNEL).toBe('hall:event');
  });
});
