// The 评价器's answers waiting to be sent. A tap is written to localStorage
// first, then sent; a network blip leaves it there and it is sent again when
// the network is back (the answer's own key makes a resend harmless: the
// backend accepts the same answer once). An answer the backend refuses (time
// ran out, the next visitor already finished) is dropped: nothing can store it.
import type { InputOf } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { call } from '../../api/client';

type Pending = InputOf<'pad.answer'>;

const KEY = 'petition-hall.pad.outbox';

function read(): Pending[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as Pending[]) : [];
  } catch {
    return [];
  }
}

function write(list: Pending[]) {
  if (list.length) localStorage.setItem(KEY, JSON.stringify(list));
  else localStorage.removeItem(KEY);
}

/** How many answers are waiting for the network. */
export const pendingCount = () => read().length;

/** The evaluations answered on this pad but not yet acknowledged (the pad must not ask them again). */
export const pendingIds = () => new Set(read().map((p) => p.evaluationId));

/** Keeps the answer on the pad, then tries to send everything waiting. */
export function queueAnswer(answer: Pending): Promise<void> {
  write([...read().filter((p) => p.answerKey !== answer.answerKey), answer]);
  return flush();
}

let flushing: Promise<void> | null = null;

/** Sends what waits, oldest first; stops at the first network failure (the rest waits for the next try). */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    try {
      for (const p of read()) {
        try {
          await call('pad.answer', p);
        } catch (e) {
          // INTERNAL: no connection (or a server fault) — keep it and try later. Anything else is a refusal.
          if (!(e instanceof ApiError) || e.code === 'INTERNAL') return;
        }
        write(read().filter((x) => x.answerKey !== p.answerKey));
      }
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}
