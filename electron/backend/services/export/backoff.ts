// When to try again. Two clocks:
//  - between runs (a batch or record that failed): at once (the next run),
//    then after 5 minutes, then every 30 minutes, until it goes through. The
//    failure stays listed with its reason the whole time.
//  - within one HTTP send: a few quick retries with exponential back-off and
//    jitter, so a blip (a 502 from a proxy, a dropped connection) does not wait
//    for the next run, and many halls retrying at once do not stampede.

/** Delay after the 1st, 2nd, 3rd… failure; the last value repeats. */
export const RETRY_BACKOFF_MS: readonly number[] = [0, 5 * 60_000, 30 * 60_000];

export function backoffMs(failures: number): number {
  if (failures <= 0) return 0;
  return RETRY_BACKOFF_MS[Math.min(failures, RETRY_BACKOFF_MS.length) - 1]!;
}

/** When a record or batch that has now failed `failures` times may be tried again. */
export function nextAttemptAt(now: Date, failures: number): string {
  return new Date(now.getTime() + backoffMs(failures)).toISOString();
}

/** In-run retry n (1-based): base·2^(n-1), capped, then scaled by a random 50–100 % (jitter). */
export function retryDelayMs(attempt: number, baseMs: number, capMs = 30_000, random: () => number = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + random() / 2));
}
