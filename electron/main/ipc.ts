// Binds the backend to Electron IPC. The session token is kept here per window
// and never reaches the renderer; a window's session ends when it closes.
import { ipcMain, type BrowserWindow, type WebContents } from 'electron';
import type { Backend } from '../backend/backend';
import type { SessionHolder } from '../backend/services/sessions';
import { isMethodName } from '@shared/api/contract';
import { PUBLIC_EVENTS } from '@shared/api/events';

export const INVOKE_CHANNEL = 'hall:invoke';
export const EVENT_CHANNEL = 'hall:event';

export function bindIpc(backend: Backend, windows: () => BrowserWindow[], trustedUrl: (url: string) => boolean): () => void {
  const sessions = new Map<number, SessionHolder>();

  const sessionOf = (wc: WebContents): SessionHolder => {
    let s = sessions.get(wc.id);
    if (!s) {
      s = {};
      sessions.set(wc.id, s);
      wc.once('destroyed', () => {
        backend.deps.sessions.drop(s?.token);
        sessions.delete(wc.id);
      });
    }
    return s;
  };

  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown, idempotencyKey: unknown) => {
    // Only our own pages may call the backend.
    if (!event.senderFrame || !trustedUrl(event.senderFrame.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    }
    if (typeof method !== 'string' || !isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${String(method)}` } };
    }
    return backend.call(sessionOf(event.sender), method, input, typeof idempotencyKey === 'string' ? { idempotencyKey } : {});
  });

  // Staff events go to windows with a logged-in session only; the hall display
  // window (no login) gets the public queue events, as over HTTP.
  const unsubscribe = backend.events.subscribe((e) => {
    for (const w of windows()) {
      if (w.isDestroyed()) continue;
      if (PUBLIC_EVENTS.includes(e.name) || sessions.get(w.webContents.id)?.token) w.webContents.send(EVENT_CHANNEL, e);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
