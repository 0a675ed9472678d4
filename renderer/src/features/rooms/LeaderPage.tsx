// 我的接访 (duty leader): today's own queue in order, the visitor in the room
// with their history, calling the next one in (F5; the hall display shows
// 请 L003 号到 2 号接谈室), recalling (F6), marking a no-show (F7), and the
// talk record. Administrators, and leaders allowed to, may open others' queues.
import { Alert, Anchor, Button, Divider, Grid, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { LeaderQueue, QueueVisitor } from '@shared/api/schemas/reception';
import { labelOf } from '@shared/domain/categories';
import { SATISFACTION, toMinutes } from '@shared/domain/reception';
import { formatCalendarDate, formatTime, hallMinutes } from '@shared/time';
import { call } from '../../api/client';
import { attempt, notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';
import { NoShowDialog } from './NoShowDialog';
import { BookingStatusBadge } from './StatusBadge';
import { TalkForm } from './TalkForm';
import { TalkPapers } from './TalkPapers';
import { talkOutcomeText, VisitorPanel } from './VisitorPanel';

type Session = LeaderQueue['sessions'][number];

function current(sessions: Session[]): string | null {
  const now = hallMinutes(new Date());
  return (
    (
      sessions.find((s) => toMinutes(s.start) <= now && now < toMinutes(s.end)) ??
      sessions.find((s) => now < toMinutes(s.end)) ??
      sessions[0]
    )?.id ?? null
  );
}

export function LeaderPage() {
  const [leaderId, setLeaderId] = useState<string | null>(null);
  // F5–F7 act on one session only: the one clicked last, else the one under way now.
  const [keysFor, setKeysFor] = useState<string | null>(null);
  const { data } = useQuery('reception.myQueue', { leaderId }, { invalidatedBy: ['reception.changed'] });
  if (!data) return null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>
          {data.leaderName ? `${data.leaderName}的接访` : '领导接访'} · {formatCalendarDate(data.date)}
        </Title>
        {data.visibleLeaders.length > 1 && (
          <Select
            aria-label="查看领导"
            value={data.leaderId}
            onChange={(v) => v && setLeaderId(v)}
            data={data.visibleLeaders.map((l) => ({ value: l.id, label: l.name }))}
            w={200}
          />
        )}
      </Group>
      {data.sessions.length === 0 && <Alert color="gray">今天没有已发布的接访安排。</Alert>}
      {data.sessions.map((s) => (
        <SessionPanel key={s.id} session={s} keysOn={s.id === (keysFor ?? current(data.sessions))} onActivate={() => setKeysFor(s.id)} />
      ))}
    </Stack>
  );
}

function SessionPanel({ session, keysOn, onActivate }: { session: Session; keysOn: boolean; onActivate: () => void }) {
  const current = session.visitors.find((v) => v.status === 'called') ?? null;
  const [selected, setSelected] = useState<string | null>(null);
  const shown =
    session.visitors.find((v) => v.id === (selected ?? current?.id)) ??
    current ??
    session.visitors.find((v) => v.status === 'waiting') ??
    session.visitors[0] ??
    null;
  const waiting = session.visitors.filter((v) => v.status === 'waiting').length;

  const callNext = () =>
    void attempt(async () => {
      const r = await call('reception.callNext', { sessionId: session.id });
      if (!r) notifySuccess('没有候谈的来访人', '队列已空');
      setSelected(r?.bookingId ?? null);
    });
  const recall = () => void attempt(() => call('reception.recall', { sessionId: session.id }));
  const noShow = () => current && void attempt(() => call('reception.noShow', { bookingId: current.id }));
  // 未到 asks first (Enter confirms, Esc cancels).
  const [confirmNoShow, setConfirmNoShow] = useState(false);

  useEffect(() => {
    if (!keysOn) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F5') {
        e.preventDefault();
        if (!current) callNext();
      } else if (e.key === 'F6' && current) {
        e.preventDefault();
        recall();
      } else if (e.key === 'F7' && current) {
        e.preventDefault();
        setConfirmNoShow(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Stack gap="sm" onMouseDown={onActivate} onFocus={onActivate}>
      <Paper withBorder p="sm" style={keysOn ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}>
        <Group justify="space-between">
          <Text fw={700}>
            {session.roomName} · {session.start}–{session.end}
            {session.topics && <Text span c="dimmed" fw={400}>{`  接访事项：${session.topics}`}</Text>}
            {session.lawyer && <Text span c="dimmed" fw={400}>{`  值班律师：${session.lawyer}`}</Text>}
          </Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              候谈 {waiting} 人
            </Text>
            <Button onClick={callNext} disabled={current !== null}>
              叫下一位（F5）
            </Button>
            <Button variant="default" onClick={recall} disabled={!current}>
              重呼（F6）
            </Button>
            <Button variant="default" color="orange" onClick={() => setConfirmNoShow(true)} disabled={!current}>
              未到（F7）
            </Button>
          </Group>
        </Group>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm">
            <Table highlightOnHover aria-label="接访队列">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>时间</Table.Th>
                  <Table.Th>号码</Table.Th>
                  <Table.Th>来访人</Table.Th>
                  <Table.Th>人数</Table.Th>
                  <Table.Th>状态</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {session.visitors.map((v) => (
                  <Table.Tr
                    key={v.id}
                    onClick={() => setSelected(v.id)}
                    bg={shown?.id === v.id ? 'var(--mantine-color-red-0)' : undefined}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td>{v.plannedAt ?? (v.calledAt ? formatTime(v.calledAt) : '—')}</Table.Td>
                    <Table.Td fw={700}>{v.ticketNo ?? (v.slot ? `约 ${v.slot}` : '—')}</Table.Td>
                    <Table.Td>{v.name}</Table.Td>
                    <Table.Td>{v.attendees}</Table.Td>
                    <Table.Td>
                      <BookingStatusBadge status={v.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
                {session.visitors.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed">还没有来访人排入</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {shown && <VisitorDetail key={shown.id} v={shown} lawyerOnDuty={session.lawyer !== ''} />}
        </Grid.Col>
      </Grid>
      <NoShowDialog
        visitor={confirmNoShow ? current : null}
        onClose={() => setConfirmNoShow(false)}
        onConfirm={() => {
          setConfirmNoShow(false);
          noShow();
        }}
      />
    </Stack>
  );
}

function VisitorDetail({ v, lawyerOnDuty }: { v: QueueVisitor; lawyerOnDuty: boolean }) {
  return (
    <Stack gap="sm">
      <VisitorPanel v={v} />
      {v.status === 'called' && (
        <Paper withBorder p="md">
          <TalkForm visitor={v} lawyerOnDuty={lawyerOnDuty} onSaved={() => undefined} />
        </Paper>
      )}
      {v.talk && (
        <Paper withBorder p="md" aria-label="接谈结果">
          <Text fw={700}>
            接谈结果：{talkOutcomeText(v.talk)}
            {v.talk.satisfaction && ` · 来访人${labelOf(SATISFACTION, v.talk.satisfaction)}`}
          </Text>
          <Anchor href={`#/matters/${v.talk.matterId}`} size="sm">
            信访事项：期限、延期、办结与复查（打开事项）
          </Anchor>
          <Text size="sm" mt={4}>
            {v.talk.notes}
          </Text>
          <Divider my="xs" />
          <TalkPapers talk={v.talk} />
        </Paper>
      )}
    </Stack>
  );
}
