// 排入领导接访: a visit registered today goes into a duty leader's queue, as a
// walk-in (next free place now, with the expected time) or an appointment (约访)
// at a free slot of a published session, today or later.
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { SessionBoard, SessionView } from '@shared/api/schemas/reception';
import type { VisitSummary } from '@shared/api/schemas/visits';
import { addDays } from '@shared/domain/deadlines';
import { formatCalendarDate, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';
import { notifySuccess } from '@lib/notify';

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
  const today = hallDate();
  const [visits, setVisits] = useState<VisitSummary[]>([]);
  const [sessions, setSessions] = useState<SessionView[]>([]);
  const [visitId, setVisitId] = useState<string | null>(presetVisitId ?? null);
  const [kind, setKind] = useState<'walk_in' | 'appointment'>('walk_in');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [board, setBoard] = useState<SessionBoard | null>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const [attendees, setAttendees] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    // Each opening starts clean: a choice left from the last visitor must not carry over.
    setError(null);
    setVisitId(presetVisitId ?? null);
    setKind('walk_in');
    setSessionId(null);
    setSlot(null);
    setAttendees('');
    void call('visits.listDay', { date: today }).then(setVisits, (e: unknown) => setError(messageOf(e)));
    void call('roster.list', { from: today, to: addDays(today, 30) }).then(
      (list) => setSessions(list.filter((s) => s.status === 'published')),
      (e: unknown) => setError(messageOf(e)),
    );
  }, [opened, today, presetVisitId]);

  const choices = useMemo(() => sessions.filter((s) => (kind === 'walk_in' ? s.date === today : true)), [sessions, kind, today]);
  useEffect(() => {
    if (sessionId && !choices.some((s) => s.id === sessionId)) setSessionId(null);
  }, [choices, sessionId]);
  useEffect(() => {
    setBoard(null);
    setSlot(null);
    const s = sessions.find((x) => x.id === sessionId);
    if (!s) return;
    void call('reception.board', { date: s.date }).then(
      (b) => setBoard(b.sessions.find((x) => x.id === s.id) ?? null),
      (e: unknown) => setError(messageOf(e)),
    );
  }, [sessionId, sessions]);

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
    <Modal opened={opened} onClose={onClose} title="排入领导接访" size="lg">
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
              onChange={setSlot}
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
    </Modal>
  );
}
