// The talk notes as a draft on the backend (reception.saveDraft): saved a moment
// after the leader stops typing, and when the talk form closes (未到, another
// visitor, leaving the screen), so a reload or a crash loses nothing. On opening
// the talk, the form starts from the draft.
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '@lib/use-query';

const PAUSE_MS = 600;

export function useTalkDraft(bookingId: string, notes: string, setNotes: (notes: string) => void): { savedAt: string | null } {
  const { data, loading, error } = useQuery('reception.draft', { bookingId });
  const ready = !loading && !error;
  const loaded = useRef(false);
  const saved = useRef('');
  const latest = useRef(notes);
  latest.current = notes;
  const [savedAt, setSavedAt] = useState<string | null>(null);

  // Once loaded: start from the draft, unless the leader has already typed.
  useEffect(() => {
    if (!ready || loaded.current) return;
    loaded.current = true;
    saved.current = data?.notes ?? '';
    if (data && latest.current === '') {
      setNotes(data.notes);
      setSavedAt(data.updatedAt);
    }
    // setNotes is the form's setter: the same for the form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, data]);

  const save = (text: string) => {
    if (!loaded.current || text === saved.current) return;
    const before = saved.current;
    saved.current = text;
    void call('reception.saveDraft', { bookingId, notes: text }).then(
      (d) => setSavedAt(d.updatedAt),
      () => {
        // Not saved (the talk was recorded meanwhile, or the connection dropped): tried again at the next change.
        if (saved.current === text) saved.current = before;
      },
    );
  };
  const [paused] = useDebouncedValue(notes, PAUSE_MS);
  useEffect(() => save(paused), [paused]); // eslint-disable-line react-hooks/exhaustive-deps
  // Closing the form (未到 marks the visitor, the screen is left) saves what the pause has not.
  useEffect(() => () => save(latest.current), []); // eslint-disable-line react-hooks/exhaustive-deps
  return { savedAt };
}
