// 排入领导接访: a visit registered today goes into a duty leader's queue, as a
// walk-in (next free place now, with the expected time) or an appointment (约访)
// at a free slot of a published session, today or later.
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { SessionView } from '@shared/api/schemas/reception';
import { addDays } from '@shared/domain/deadlines';
import { formatCalendarDate, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';
import { notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';

const sessionLabel = (s: SessionView) =>
  `${formatCalendarDate(s.date)} ${s.start}–${s.end} ${s.leaderName}（${s.roomName}）${s.topics ? ` ${s.topics}` : ''}`;

export function ScheduleDialog({
  opened,
  onClose,
  presetVisitId,
}: {
  opened: boolean;
  onClose: () => void;
  presetVisitId?: string | null;
}) {
  // The form is mounted per opening: a choice left from the last visitor never carries over.
  return (
    <Modal opened={opened} onClose={onClose} title="排入领导接访" size="lg">
      {opened && <ScheduleForm onClose={onClose} presetVisitId={presetVisitId ?? null} />}
    </Modal>
  );
}

function ScheduleForm({ onClose, presetVisitId }: { onClose: () => void; presetVisitId: string | null }) {
  const today = hallDate();
  const visits = useQuery('visits.listDay', { date: today }).data ?? [];
  const roster = useQuery('roster.list', { from: today, to: addDays(today, 30) }, { invalidatedBy: ['reception.changed'] }).data;
  const sessions = useMemo(() => (roster ?? []).filter((s) => s.status === 'published'), [roster]);
  const [visitId, setVisitId] = useState<string | null>(presetVisitId);
  const [kind, setKind] = useState<'walk_in' | 'appointment'>('walk_in');
  const [chosenSession, setSessionId] = useState<string | null>(null);
  const [chosenSlot, setSlot] = useState<{ sessionId: string; slot: string } | null>(null);
  const [attendees, setAttendees] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choices = sessions.filter((s) => (kind === 'walk_in' ? s.date === today : true));
  // A session no longer offered (the kind changed) is no longer chosen; a slot belongs to its session.
  const session = choices.find((s) => s.id === chosenSession);
  const sessionId = session?.id ?? null;
  const slot = chosenSlot?.sessionId === sessionId ? chosenSlot.slot : null;
  const dayBoard = useQuery(
    'reception.board',
    { date: session?.date ?? today },
    { enabled: !!session, invalidatedBy: ['reception.changed'] },
  );
  const board = (session && dayBoard.data?.sessions.find((x) => x.id === session.id)) ?? null;

  const visit = visits.find((v) => v.id === visitId);
  const submit = async () => {
    if (!visitId || !sessionId) return setError('请选择来访登记和接访安排');
    setBusy(true);
    try {
      const b = await call('reception.schedule', {
        visitId,
        sessionId,
        kind,
        slot: kind === 'appointment' ? slot : null,
        attendees: attendees === '' ? null : attendees,
      });
      const s = sessions.find((x) => x.id === sessionId)!;
      notifySuccess(
        kind === 'walk_in'
          ? `${b.name} 已排入${s.leaderName}的接访，号码 ${b.ticketNo}，预计 ${b.plannedAt ?? '稍后'} 接谈`
          : `${b.name} 已约 ${formatCalendarDate(s.date)} ${b.slot} 由${s.leaderName}接谈，当天到大厅签到`,
        '已排入领导接访',
      );
      onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.ctrlKey) void submit();
      }}
    >
      <Stack>
        <Select
          label="来访登记（今日）"
          placeholder="输入姓名或登记号查找"
          searchable
          data-autofocus
          value={visitId}
          onChange={setVisitId}
          allowDeselect={false}
          data={visits.map((v) => ({ value: v.id, label: `${v.visitNo} ${v.name}${v.isGroup ? `（集体访 ${v.peopleCount} 人）` : ''}` }))}
          nothingFoundMessage="今日没有这条登记"
        />
        <SegmentedControl
          aria-label="排入方式"
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          data={[
            { value: 'walk_in', label: '现场排队（今天）' },
            { value: 'appointment', label: '约访（选时段）' },
          ]}
        />
        <Select
          label="接访安排"
          placeholder={choices.length ? '选择领导和时段' : kind === 'walk_in' ? '今天没有已发布的领导接访' : '近30天没有已发布的领导接访'}
          value={sessionId}
          onChange={setSessionId}
          allowDeselect={false}
          data={choices.map((s) => ({ value: s.id, label: sessionLabel(s) }))}
        />
        {board && kind === 'walk_in' && (
          <Alert color={board.nextWalkIn ? 'blue' : 'red'} variant="light" aria-label="预计接谈时间">
            {board.nextWalkIn
              ? `现在排入，预计 ${board.nextWalkIn} 接谈（前面还有 ${board.bookings.filter((b) => b.status === 'waiting' || b.status === 'called').length} 位）`
              : '该领导今天的接访已排满，请改为约访其他接访日'}
          </Alert>
        )}
        {board && kind === 'appointment' && (
          <Select
            label="约访时段"
            placeholder={board.freeSlots.length ? '选择时段' : '没有空闲时段'}
            value={slot}
            onChange={(v) => setSlot(v && sessionId ? { sessionId, slot: v } : null)}
            data={board.freeSlots}
            allowDeselect={false}
          />
        )}
        <NumberInput
          label="进入接谈人数"
          description={visit?.isGroup ? '集体访由代表进入接谈，最多5人；不填按登记的代表人数' : '不填按登记人数'}
          min={1}
          max={200}
          value={attendees}
          onChange={(v) => setAttendees(typeof v === 'number' ? v : '')}
          w={200}
        />
        {error && (
          <Alert color="red" title="未能排入" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Ctrl+Enter 确定
          </Text>
          <Group>
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy}>
              排入
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
