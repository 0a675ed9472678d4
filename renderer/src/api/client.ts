// The renderer's one way to reach the backend. In Electron it goes through the
// preload bridge (IPC); in a browser (serve mode) through fetch and SSE. Both
// speak the same contract and return the same envelope.
import { contract, type InputOf, type MethodName, type OutputOf } from '@shared/api/contract';
import { ApiError, type ApiResult } from '@shared/api/errors';
import type { HallBridge, HallEvent } from '@shared/api/events';

declare global {
  interface Window {
    hall?: HallBridge;
  }
}

/** A save sent with a key whose answer did not arrive: it may have been saved, and saving again is safe. */
const NO_ANSWER_KEYED = '未收到服务的答复，不能确定是否已保存：请再次保存，同一份内容不会重复保存';

async function invokeHttp(method: string, input: unknown, key: string | undefined): Promise<ApiResult<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: key ? { 'Content-Type': 'application/json', 'Idempotency-Key': key } : { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    const message = key ? NO_ANSWER_KEYED : '无法连接到服务，请检查网络或服务是否已启动';
    return { ok: false, error: { code: 'INTERNAL', message } };
  }
  try {
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的内容（${res.status}）` } };
  }
}

// Idempotency keys (contract.ts `idempotent`): each submission of a save gets a fresh key; when
// its answer never came (no connection, DB_UNAVAILABLE, an internal error: it may or may not have
// been saved) the key is kept, and the same submission sent again (same method, same input) reuses
// it, so the backend answers with the first save instead of saving twice. Any definite answer
// ends the submission, and so do 10 minutes: a desk's 叫号 sends the same input all day, and a
// press long after a failed one is a new call, not its retry.
const unanswered = new Map<string, { key: string; at: number }>();
const RETRY_WINDOW_MS = 10 * 60_000;
const UNSURE: readonly string[] = ['INTERNAL', 'DB_UNAVAILABLE'];

/** 128 random bits as hex (crypto.getRandomValues works on plain-http LAN desks too, randomUUID does not). */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Calls a contract method; resolves with its output or throws an ApiError with a Chinese message. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const submission = contract[method].idempotent ? `${method}\n${JSON.stringify(input ?? {})}` : null;
  const earlier = submission === null ? undefined : unanswered.get(submission);
  const key = submission === null ? undefined : earlier && Date.now() - earlier.at < RETRY_WINDOW_MS ? earlier.key : newKey();
  const result = window.hall
    ? ((await window.hall.invoke(method, input, key)) as ApiResult<unknown>)
    : await invokeHttp(method, input, key);
  if (submission !== null && key !== undefined) {
    if (!result.ok && UNSURE.includes(result.error.code))
      unanswered.set(submission, { key, at: earlier?.key === key ? earlier.at : Date.now() });
    else unanswered.delete(submission);
  }
  if (!result.ok) {
    const err = ApiError.fromBody(result.error);
    if (err.code === 'UNAUTHENTICATED') sessionExpiredListeners.forEach((l) => l());
    if (err.code === 'DB_UNAVAILABLE') setDatabaseDown(true);
    throw err;
  }
  setDatabaseDown(false);
  return result.data as OutputOf<M>;
}

// The database server went away (DB_UNAVAILABLE): screens show a banner, and a
// probe (setup.status: public, one small read) asks again with back-off (1 s,
// doubling, at most 15 s) until a call succeeds. Writes are never retried by
// themselves: the form keeps its input and the clerk submits again, so nothing
// is saved twice; reads that failed are loaded again when the database is back
// (use-query.ts).
let databaseDown = false;
let probeDelay = 1000;
let probe: ReturnType<typeof setTimeout> | null = null;
const databaseListeners = new Set<(down: boolean) => void>();

function setDatabaseDown(down: boolean) {
  if (down) scheduleProbe();
  if (down === databaseDown) return;
  databaseDown = down;
  if (!down) {
    probeDelay = 1000;
    if (probe) clearTimeout(probe);
    probe = null;
  }
  databaseListeners.forEach((l) => l(down));
}

function scheduleProbe() {
  if (probe) return;
  probe = setTimeout(() => {
    probe = null;
    probeDelay = Math.min(probeDelay * 2, 15_000);
    call('setup.status', {}).catch(() => {});
  }, probeDelay);
}

/** Whether the last call found the database unreachable. */
export const isDatabaseDown = () => databaseDown;

/** `listener` hears each change of isDatabaseDown(). */
export function onDatabaseStatus(listener: (down: boolean) => void): () => void {
  databaseListeners.add(listener);
  return () => databaseListeners.delete(listener);
}

const sessionExpiredListeners = new Set<() => void>();
export function onSessionExpired(listener: () => void): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

/**
 * Pushed events: IPC in Electron, Server-Sent Events over HTTP (EventSource
 * reconnects by itself). The public hall display listens without a login and
 * receives queue events only; a 评价器 listens with its token and receives queue
 * events and the answers stored at its own place.
 */
export function subscribe(listener: (e: HallEvent) => void, audience: 'staff' | 'public' | { padToken: string } = 'staff'): () => void {
  if (window.hall) return window.hall.subscribe(listener);
  const url =
    audience === 'staff'
      ? '/api/events'
      : audience === 'public'
        ? '/api/display/events'
        : `/api/pad/events?token=${encodeURIComponent(audience.padToken)}`;
  const source = new EventSource(url);
  source.onmessage = (m: MessageEvent<string>) => listener(JSON.parse(m.data) as HallEvent);
  return () => source.close();
}
