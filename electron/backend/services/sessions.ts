import { randomBytes } from 'node:crypto';

/** Idle time after which a desk must log in again. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/**
 * What a transport keeps per connection (a browser cookie, an Electron window).
 * Handlers set or clear the token; the transport persists it. The renderer never
 * sees the token in Electron, and only as an HttpOnly cookie over HTTP.
 */
export interface SessionHolder {
  token?: string;
}

interface Session {
  userId: string;
  lastSeen: number;
}

/** Sessions live in memory: a restart of the backend asks everyone to log in again. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  create(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: this.now() });
    return token;
  }

  /** The user id behind a token, refreshing its idle timer; null when absent or expired. */
  touch(token: string | undefined): string | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (this.now() - s.lastSeen > SESSION_IDLE_MS) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = this.now();
    return s.userId;
  }

  drop(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  dropUser(userId: string, except?: string): void {
    for (const [t, s] of this.sessions) if (s.userId === userId && t !== except) this.sessions.delete(t);
  }
}
