// 改约: an appointment moves to a free slot of another published session (or
// another slot of its own); the visitor is then told (InformDialog).
import { Alert, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import type { BookingView, InformNotice } from '@shared/api/schemas/reception';
import { addDays } from '@shared/domain/deadlines';
import { formatCalendarDate, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';
import { useQuery } from '@lib/use-query';

interface Props {
  booking: BookingView | null;
  onClose: () => void;
  onInform: (i: InformNotice | null) => void;
}

export function MoveBookingDialog({ booking, onClose, onInform }: Props) {
  return (
    <Modal opened={booking !== null} onClose={onClose} title={`改约：${booking?.name ?? ''}（原 ${booking?.slot ?? ''}）`} size="lg">
      {booking && <MoveForm key={booking.id} booking={booking} onClose={onClose} onInform={onInform} />}
    </Modal>
  );
}

function MoveForm({ booking, onClose, onInform }: Props & { booking: BookingView }) {
  const today = hallDate();
  const roster = useQuery('roster.list', { from: today, to: addDays(today, 30) }, { invalidatedBy: ['reception.changed'] }).data ?? [];
  const sessions = roster.filter((s) => s.status === 'published');
  const [sessionId, setSessionId] = useState<string | null>(booking.sessionId);
  const [chosenSlot, setSlot] = useState<{ sessionId: string; slot: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const session = sessions.find((x) => x.id === sessionId);
  const dayBoard = useQuery(
    'reception.board',
    { date: session?.date ?? today },
    { enabled: !!session, invalidatedBy: ['reception.changed'] },
  );
  const board = (session && dayBoard.data?.sessions.find((x) => x.id === session.id)) ?? null;
  // A slot belongs to the session it was picked in.
  const slot = chosenSlot?.sessionId === sessionId ? chosenSlot.slot : null;

  const submit = async () => {
    if (!sessionId || !slot) return setError('请选择新的接访安排和时段');
    try {
      const r = await call('reception.move', { bookingId: booking.id, sessionId, slot });
      onClose();
      onInform(r.inform);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Stack>
      <Select
        label="接访安排"
        value={sessionId}
        onChange={setSessionId}
        data={sessions.map((s) => ({
          value: s.id,
          label: `${formatCalendarDate(s.date)} ${s.start}–${s.end} ${s.leaderName}（${s.roomName}）`,
        }))}
      />
      <Select
        label="新的约访时段"
        value={slot}
        onChange={(v) => setSlot(v && sessionId ? { sessionId, slot: v } : null)}
        data={board?.freeSlots ?? []}
        placeholder={board && board.freeSlots.length === 0 ? '没有空闲时段' : '选择时段'}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          取消
        </Button>
        <Button onClick={() => void submit()}>确定改约</Button>
      </Group>
    </Stack>
  );
}
