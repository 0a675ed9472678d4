// 改约 and 取消 for a booking, and the notice of whom to inform afterwards: the
// clerk must phone (or tell) the visitor, so the notice stays until confirmed.
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BookingView, InformNotice, SessionBoard, SessionView } from '@shared/api/schemas/reception';
import { addDays } from '@shared/domain/deadlines';
import { formatCalendarDate, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';

export function InformModal({ inform, onClose }: { inform: InformNotice | null; onClose: () => void }) {
  return (
    <Modal opened={inform !== null} onClose={onClose} title="请通知来访人" closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange" variant="light" role="alert" aria-label="需通知">
          <Text fw={600}>{inform?.message}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            已记下，稍后通知
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function MoveDialog({
  booking,
  onClose,
  onInform,
}: {
  booking: BookingView | null;
  onClose: () => void;
  onInform: (i: InformNotice | null) => void;
}) {
  const today = hallDate();
  const [sessions, setSessions] = useState<SessionView[]>([]);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [board, setBoard] = useState<SessionBoard | null>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!booking) return;
    setError(null);
    setSessionId(booking.sessionId);
    void call('roster.list', { from: today, to: addDays(today, 30) }).then((l) => setSessions(l.filter((s) => s.status === 'published')));
  }, [booking, today]);
  useEffect(() => {
    setSlot(null);
    const s = sessions.find((x) => x.id === sessionId);
    if (!s) return setBoard(null);
    void call('reception.board', { date: s.date }).then((b) => setBoard(b.sessions.find((x) => x.id === s.id) ?? null));
  }, [sessionId, sessions]);
  const submit = async () => {
    if (!booking || !sessionId || !slot) return setError('请选择新的接访安排和时段');
    try {
      const r = await call('reception.move', { bookingId: booking.id, sessionId, slot });
      onClose();
      onInform(r.inform);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Modal opened={booking !== null} onClose={onClose} title={`改约：${booking?.name ?? ''}（原 ${booking?.slot ?? ''}）`} size="lg">
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
          onChange={setSlot}
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
    </Modal>
  );
}

export function CancelDialog({
  booking,
  onClose,
  onInform,
}: {
  booking: BookingView | null;
  onClose: () => void;
  onInform: (i: InformNotice | null) => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [booking]);
  const submit = async () => {
    if (!booking) return;
    try {
      const r = await call('reception.cancel', { bookingId: booking.id, reason });
      onClose();
      onInform(r.inform);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Modal opened={booking !== null} onClose={onClose} title={`取消接访：${booking?.name ?? ''}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">取消后该时段空出，{booking?.ticketNo ? `号码 ${booking.ticketNo} 作废。` : ''}此操作会记入日志。</Text>
          <TextInput label="取消原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              返回
            </Button>
            <Button color="red" type="submit">
              确定取消
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
