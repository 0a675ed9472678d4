import { randomBytes } from 'node:crypto';

/** Idle time after which a desk must log in again. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** However active, a login lasts at most this long (a working day and a half is never needed). */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

/**
 * What a transport keeps per connection (a browser cookie, an Electron window).
 * Handlers set or clear the token; the transport persists it. The renderer never
 * sees the token in Electron, and only as an HttpOnly cookie over HTTP.
 */
export interface SessionHolder {
  token?: string;
  /**
   * Who is asking, for the login back-off (login-throttle.ts): the remote
   * address over HTTP. Unset for IPC, where the holder object itself (one per
   * window) is the client.
   */
  client?: string;
  /** Over HTTP, the TCP peer's address; unset for IPC (always this machine). */
  remoteAddress?: string;
}

interface Session {
  userId: string;
  createdAt: number;
  lastSeen: number;
}

/** Sessions live in memory: a restart of the backend asks everyone to log in again. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  create(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    const at = this.now();
    this.sessions.set(token, { userId, createdAt: at, lastSeen: at });
    return token;
  }

  /** The user id behind a token, refreshing its idle timer; null when absent, idle too long or past its lifetime. */
  touch(token: string | undefined): string | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    const at = this.now();
    if (at - s.lastSeen > SESSION_IDLE_MS || at - s.createdAt > SESSION_MAX_MS) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = at;
    return s.userId;
  }

  drop(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  dropUser(userId: string, except?: string): void {
    for (const [t, s] of this.sessions) if (s.userId === userId && t !== except) this.sessions.delete(t);
  }
}
