// The registration screen's card reader: asks the backend (`reader.read`) while the screen is
// open, at the vendor's interval the backend reports (about 300 ms; every 5 s while no reader is
// set), and hands each new card to `onCard` once. F1 or the button reads now. The backend, not
// this hook, enforces the minimum interval and the once-until-lifted rule; a failed call only
// changes the light, the clerk can always type.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardRead, ReaderState } from '@shared/api/schemas/reader';
import { call } from '../../api/client';

const IDLE_MS = 5000;
const RETRY_MS = 2000;

export interface CardReader {
  state: ReaderState | null;
  /** The last card read on this screen (for the photo and the checks), until the form is cleared. */
  card: CardRead | null;
  photoStored: boolean;
  readNow: () => void;
  forget: () => void;
}

export function useCardReader(onCard: (card: CardRead) => void): CardReader {
  const [state, setState] = useState<ReaderState | null>(null);
  const [read, setRead] = useState<{ card: CardRead; photoStored: boolean } | null>(null);
  const onCardRef = useRef(onCard);
  onCardRef.current = onCard;
  const busy = useRef(false);
  const wantNow = useRef(false);
  const readRef = useRef<(mode: 'poll' | 'now') => Promise<number>>(async () => IDLE_MS);

  readRef.current = async (mode) => {
    if (busy.current) {
      // F1 during a poll: read again as soon as the poll is back.
      if (mode === 'now') wantNow.current = true;
      return RETRY_MS;
    }
    busy.current = true;
    try {
      const r = await call('reader.read', { mode });
      // Polled every 300 ms: an unchanged state must not re-render the registration form.
      setState((prev) => (prev && prev.light === r.state.light && prev.message === r.state.message ? prev : r.state));
      if (r.card) {
        setRead({ card: r.card, photoStored: r.photoStored });
        onCardRef.current(r.card);
      }
      return r.state.driver === 'none' ? IDLE_MS : Math.max(r.intervalMs, 300);
    } catch (e) {
      const message = e instanceof Error ? e.message : '读卡器状态未知';
      setState((prev) =>
        prev?.light === 'fault' && prev.message === message ? prev : { driver: 'local', light: 'fault', fault: 'down', message },
      );
      return RETRY_MS;
    } finally {
      busy.current = false;
      if (wantNow.current) {
        wantNow.current = false;
        void readRef.current('now');
      }
    }
  };

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loop = async () => {
      const next = await readRef.current('poll');
      if (live) timer = setTimeout(() => void loop(), next);
    };
    void loop();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  const readNow = useCallback(() => void readRef.current('now'), []);
  const forget = useCallback(() => setRead(null), []);
  return { state, card: read?.card ?? null, photoStored: read?.photoStored ?? false, readNow, forget };
}
