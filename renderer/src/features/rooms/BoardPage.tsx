// 接访看板 (clerks): the day's leader sessions room by room, who is booked,
// waiting, in talk or done; scheduling visits in, checking appointments in,
// moving, cancelling and reordering walk-ins (Alt+↑/↓ on a row).
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { BookingView, InformNotice, SessionBoard } from '@shared/api/schemas/reception';
import { formatCalendarDate, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { HallDateInput } from '@lib/HallDateInput';
import { attempt } from '@lib/notify';
import { useQuery } from '@lib/use-query';
import { BoardGrid } from './BoardGrid';
import { InformDialog } from './InformDialog';
import { MoveBookingDialog } from './MoveBookingDialog';
import { CancelBookingDialog } from './CancelBookingDialog';
import { ScheduleDialog } from './ScheduleDialog';
import { BookingStatusBadge } from './StatusBadge';

export function BoardPage() {
  const today = hallDate();
  const [date, setDate] = useState(today);
  const { data: board } = useQuery('reception.board', { date }, { invalidatedBy: ['reception.changed'] });
  const [scheduling, setScheduling] = useState(false);
  const [moving, setMoving] = useState<BookingView | null>(null);
  const [cancelling, setCancelling] = useState<BookingView | null>(null);
  const [inform, setInform] = useState<InformNotice | null>(null);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        setScheduling(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>接访看板 · {formatCalendarDate(date)}</Title>
        <Group align="flex-end">
          <HallDateInput label="日期" value={date} onChange={setDate} />
          <Button variant="default" onClick={() => setDate(today)}>
            今天
          </Button>
          <Button onClick={() => setScheduling(true)}>排入领导接访（F2）</Button>
        </Group>
      </Group>
      {board && <BoardGrid board={board} />}
      {board && board.sessions.length === 0 && <Text c="dimmed">这一天没有领导接访安排。安排由管理员在“接访安排”中发布。</Text>}
      {board?.sessions.map((s) => (
        <SessionTable key={s.id} session={s} isToday={date === today} onMove={setMoving} onCancel={setCancelling} />
      ))}
      <ScheduleDialog opened={scheduling} onClose={() => setScheduling(false)} />
      <MoveBookingDialog booking={moving} onClose={() => setMoving(null)} onInform={setInform} />
      <CancelBookingDialog booking={cancelling} onClose={() => setCancelling(null)} onInform={setInform} />
      <InformDialog inform={inform} onClose={() => setInform(null)} />
    </Stack>
  );
}

function SessionTable({
  session,
  isToday,
  onMove,
  onCancel,
}: {
  session: SessionBoard;
  isToday: boolean;
  onMove: (b: BookingView) => void;
  onCancel: (b: BookingView) => void;
}) {
  const reorder = (b: BookingView, direction: 'up' | 'down') => attempt(() => call('reception.reorder', { bookingId: b.id, direction }));
  const onRowKey = (e: KeyboardEvent, b: BookingView) => {
    if (!e.altKey || b.kind !== 'walk_in' || b.status !== 'waiting') return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      void reorder(b, e.key === 'ArrowUp' ? 'up' : 'down');
    }
  };
  return (
    <Paper withBorder p="sm" aria-label={`${session.leaderName}的接访`}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>
          {session.leaderName} · {session.roomName} · {session.start}–{session.end}
          {session.topics && <Text span c="dimmed" fw={400}>{`  接访事项：${session.topics}`}</Text>}
          {session.lawyer && <Text span c="dimmed" fw={400}>{`  值班律师：${session.lawyer}`}</Text>}
        </Text>
        <Text size="sm" c="dimmed">
          {session.nextWalkIn ? `现场排入预计 ${session.nextWalkIn}` : isToday ? '今日已排满' : ''} · 空闲约访时段{' '}
          {session.freeSlots.length} 个
        </Text>
      </Group>
      {session.bookings.length === 0 ? (
        <Text c="dimmed" size="sm">
          还没有来访人排入
        </Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>时间</Table.Th>
              <Table.Th>号码</Table.Th>
              <Table.Th>来访人</Table.Th>
              <Table.Th>方式</Table.Th>
              <Table.Th>人数</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {session.bookings.map((b) => (
              <Table.Tr key={b.id} tabIndex={0} onKeyDown={(e) => onRowKey(e, b)} aria-label={`${b.name} ${b.plannedAt ?? ''}`}>
                <Table.Td>{b.plannedAt ?? (b.status === 'waiting' ? '今日已满' : '—')}</Table.Td>
                <Table.Td fw={700}>{b.ticketNo ?? '—'}</Table.Td>
                <Table.Td>
                  {b.name}
                  <Text span size="xs" c="dimmed">{`  ${b.visitNo}`}</Text>
                </Table.Td>
                <Table.Td>{b.kind === 'appointment' ? `约访 ${b.slot}` : '现场'}</Table.Td>
                <Table.Td>{b.attendees}</Table.Td>
                <Table.Td>
                  <BookingStatusBadge status={b.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {b.status === 'scheduled' && isToday && (
                      <Button
                        size="compact-sm"
                        onClick={() => void attempt(() => call('reception.checkIn', { bookingId: b.id }), `${b.name} 已签到`)}
                      >
                        签到
                      </Button>
                    )}
                    {b.kind === 'walk_in' && b.status === 'waiting' && (
                      <>
                        <Button size="compact-sm" variant="default" aria-label={`上移 ${b.name}`} onClick={() => void reorder(b, 'up')}>
                          ↑
                        </Button>
                        <Button size="compact-sm" variant="default" aria-label={`下移 ${b.name}`} onClick={() => void reorder(b, 'down')}>
                          ↓
                        </Button>
                      </>
                    )}
                    {b.kind === 'appointment' && (b.status === 'scheduled' || b.status === 'waiting') && (
                      <Button size="compact-sm" variant="default" onClick={() => onMove(b)}>
                        改约
                      </Button>
                    )}
                    {(b.status === 'scheduled' || b.status === 'waiting') && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => onCancel(b)}>
                        取消
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
