// Per-client back-off for logins, on top of the per-account lock: after a few
// wrong answers from one client, that client must wait (1 s, 2 s, 4 s … at
// most 5 minutes) before its next attempt is even checked. A successful login
// clears it. A client is the remote address over HTTP, the window (its
// SessionHolder) over IPC.
//
// Kept in memory, per backend process: a restart forgets it, and several
// backend processes on one PostgreSQL database each keep their own. That is
// enough to slow guessing down; the account lock in the database stays the
// hard limit.
import { ApiError } from '@shared/api/errors';
import type { SessionHolder } from './sessions';

/** Wrong answers a client gets before it has to wait. */
export const FREE_FAILURES = 3;
export const MAX_BACKOFF_MS = 5 * 60_000;
/** Forget a quiet client after this long, so the map cannot grow without end. */
const FORGET_MS = 24 * 60 * 60_000;

interface ClientState {
  failures: number;
  /** Not before this (ms since epoch) may the client try again. */
  until: number;
  /** Attempts being checked right now: past the free ones, only one at a time. */
  inFlight: number;
  lastFailure: number;
}

export type LoginResult = 'success' | 'failure' | 'neutral';

export function backoffMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILURES), MAX_BACKOFF_MS);
}

export class LoginThrottle {
  private readonly byAddress = new Map<string, ClientState>();
  private readonly byHolder = new WeakMap<SessionHolder, ClientState>();

  private state(session: SessionHolder, create: boolean): ClientState | undefined {
    const found = session.client !== undefined ? this.byAddress.get(session.client) : this.byHolder.get(session);
    if (found || !create) return found;
    const fresh: ClientState = { failures: 0, until: 0, inFlight: 0, lastFailure: 0 };
    if (session.client !== undefined) this.byAddress.set(session.client, fresh);
    else this.byHolder.set(session, fresh);
    return fresh;
  }

  /**
   * Call before checking a login; throws a Chinese refusal with the seconds to
   * wait when the client must wait. Returns the function to report the outcome with.
   */
  begin(session: SessionHolder, now: number): (result: LoginResult, at: number) => void {
    const s = this.state(session, true)!;
    if (s.failures + s.inFlight >= FREE_FAILURES && (s.inFlight > 0 || now < s.until)) {
      const seconds = Math.max(1, Math.ceil((s.until - now) / 1000));
      throw new ApiError('TOO_MANY_ATTEMPTS', `登录失败次数过多，请等待${seconds}秒后再试`);
    }
    s.inFlight++;
    let reported = false;
    return (result, at) => {
      if (reported) return;
      reported = true;
      s.inFlight--;
      if (result === 'success') {
        s.failures = 0;
        s.until = 0;
      } else if (result === 'failure') {
        s.failures++;
        s.lastFailure = at;
        s.until = at + backoffMs(s.failures);
        this.prune(at);
      }
    };
  }

  private prune(now: number): void {
    if (this.byAddress.size < 1000) return;
    for (const [k, s] of this.byAddress) if (s.inFlight === 0 && now - s.lastFailure > FORGET_MS) this.byAddress.delete(k);
  }
}
