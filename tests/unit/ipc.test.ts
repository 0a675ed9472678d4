// The Electron IPC transport, with a stand-in for the one thing we cannot run
// here: Electron's ipcMain. The backend behind it is real.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openHall, PASSWORD, type TestHall } from '../support/backend';

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

beforeEach(async () => {
  hall = await openHall();
  windows = [];
  unbind = bindIpc(hall.backend, () => windows as never, (url) => url.startsWith(APP));
});
afterEach(async () => {
  unbind();
  await hall.close();
});

const invoke = (wc: FakeContents, url: string, method: unknown, input: unknown) =>
  handlers.get(INVOKE_CHANNEL)!({ sender: wc, senderFrame: { url } }, method, input) as Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

describe('Electron IPC transport', () => {
  it('keeps one session per window, never handing the token to the page', async () => {
    const a = new FakeContents(1);
    const b = new FakeContents(2);
    const login = await invoke(a, `${APP}/index.html`, 'auth.login', { username: 'admin', password: PASSWORD });
    expect(login.ok).toBe(true);
    expect(JSON.stringify(login)).not.toMatch(/token/i);
    expect((await invoke(a, `${APP}/index.html`, 'users.list', {})).ok).toBe(true);
    expect((await invoke(b, `${APP}/index.html`, 'users.list', {})).error?.code).toBe('UNAUTHENTICATED');
    // Closing the window ends its session.
    a.emit('destroyed');
    expect((await invoke(a, `${APP}/index.html`, 'users.list', {})).error?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses pages that are not ours and methods that are not in the contract', async () => {
    const wc = new FakeContents(3);
    expect((await invoke(wc, 'https://evil.example/', 'setup.status', {})).error?.code).toBe('FORBIDDEN');
    expect((await invoke(wc, `${APP}/index.html`, 'fs.readFile', {})).error?.code).toBe('UNKNOWN_METHOD');
    expect((await invoke(wc, `${APP}/index.html`, 'setup.status', {})).ok).toBe(true);
  });

  it('forwards backend events to every open window', () => {
    const wc = new FakeContents(4);
    windows.push({ isDestroyed: () => false, webContents: wc });
    hall.backend.events.publish('visits.changed', { visitId: 'v', visitNo: 'LF20261124-0001', change: 'registered' });
    expect(wc.sent).toEqual([[EVENT_CHANNEL, { name: 'visits.changed', payload: { visitId: 'v', visitNo: 'LF20261124-0001', change: 'registered' } }]]);
  });
});
