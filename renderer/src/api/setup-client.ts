// The connection screen's way to the shell. In the desktop app: the preload's
// window.hallSetup (IPC to electron/main/connection.ts), which works before any
// database is open. The contract (client.ts) cannot carry it: its dispatcher
// needs an open database for logins and roles. In a browser: serve mode's
// /api/connection-setup/*, which exists only when a test turns it on
// (PETITION_HALL_TEST_CONNECTION_SETUP), so that this page is tested in Chromium.
import type { ConnectionOutcome, ConnectionState, SetupBridge } from '@shared/api/schemas/connection';

declare global {
  interface Window {
    hallSetup?: SetupBridge;
  }
}

async function post<T>(op: string, input: unknown): Promise<T> {
  const res = await fetch(`/api/connection-setup/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
  });
  if (!res.ok) throw new Error('连接设置只能在桌面版中更改');
  return (await res.json()) as T;
}

const http: SetupBridge = {
  state: () => post<ConnectionState>('state', {}),
  test: (input) => post<ConnectionOutcome>('test', input),
  save: (input) => post<ConnectionOutcome>('save', input),
  connect: (input) => post<ConnectionOutcome>('connect', input),
};

export const setupBridge = (): SetupBridge => window.hallSetup ?? http;
