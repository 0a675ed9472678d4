// 取号: the front desk issues a ticket in one keystroke — the lane's letter
// (A, B, L, Y, F…). A priority reason is chosen first with keys 1–4.
import { Badge, Button, Chip, Group, Kbd, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import type { IssuedTicket, LaneView } from '@shared/api/schemas/queue';
import { PRIORITY_REASONS, type PriorityReason } from '@shared/domain/queue';
import { formatTime } from '@shared/time';
import { call } from '../../api/client';
import { labelOf } from '@shared/domain/categories';
import { notifyError, notifyWarning } from '@lib/notify';
import { useQueueConfig } from './use-queue';
import { useQuery } from '@lib/use-query';
import { printSlip } from '../printing/print-slip';

export function IssuePage() {
  const { lanes } = useQueueConfig();
  const [priority, setPriorityState] = useState<PriorityReason | null>(null);
  // Keys come faster than renders (1 then A): the handler reads the latest choice from a ref.
  const priorityRef = useRef<PriorityReason | null>(null);
  const setPriority = (p: PriorityReason | null | ((cur: PriorityReason | null) => PriorityReason | null)) => {
    priorityRef.current = typeof p === 'function' ? p(priorityRef.current) : p;
    setPriorityState(priorityRef.current);
  };
  const [appointmentTime, setAppointmentTime] = useState('');
  const [issued, setIssued] = useState<IssuedTicket[]>([]);
  const [busy, setBusy] = useState(false);
  const active = lanes.filter((l) => l.active);

  const issuing = useRef(false); // a held or double-pressed key must not issue twice
  const autoPrint = useQuery('print.settings', {}, { errorTitle: false }).data?.autoPrintTicket ?? true;
  const issue = async (lane: LaneView) => {
    if (issuing.current) return;
    if (lane.kind === 'appointment' && !/^\d{2}:\d{2}$/.test(appointmentTime)) {
      notifyWarning('约访号须先填写预约时间（如 14:30）');
      document.getElementById('appointment-time')?.focus();
      return;
    }
    issuing.current = true;
    setBusy(true);
    try {
      const t = await call('queue.issue', {
        laneId: lane.id,
        priority: priorityRef.current,
        appointmentTime: lane.kind === 'appointment' ? appointmentTime : null,
      });
      setIssued((list) => [t, ...list].slice(0, 8));
      // The desktop app prints silently to the ticket printer; a browser would
      // open a print dialog per ticket, so there the clerk presses 打印凭条.
      if (window.hall && autoPrint) void printSlip('ticket', t.id);
      setPriority(null);
      setAppointmentTime('');
    } catch (e) {
      notifyError(e, '取号未完成');
    } finally {
      issuing.current = false;
      setBusy(false);
    }
  };

  useHotkeys([
    ...active.map((l) => [l.prefix.toLowerCase(), () => void issue(l)] as [string, () => void]),
    ...PRIORITY_REASONS.map(
      (p, i) => [String(i + 1), () => setPriority((cur) => (cur === p.code ? null : p.code))] as [string, () => void],
    ),
    ['0', () => setPriority(null)],
  ]);

  const last = issued[0];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Stack>
        <Paper withBorder p="lg">
          <Title order={3} mb="xs">
            取号
          </Title>
          <Text c="dimmed" size="sm" mb="md">
            按队列字母键直接取号；优先人员先按数字键选择原因。
          </Text>
          <Text fw={600} size="sm" mb={6}>
            优先原因
          </Text>
          <Group mb="md">
            {PRIORITY_REASONS.map((p, i) => (
              <Chip
                key={p.code}
                checked={priority === p.code}
                onChange={() => setPriority(priority === p.code ? null : p.code)}
                color="orange"
              >
                <Kbd size="xs" mr={6}>
                  {i + 1}
                </Kbd>
                {p.label}
              </Chip>
            ))}
          </Group>
          <TextInput
            id="appointment-time"
            label="约访预约时间（仅约访号）"
            placeholder="如 14:30"
            w={220}
            mb="md"
            value={appointmentTime}
            onChange={(e) => setAppointmentTime(e.currentTarget.value)}
          />
          <SimpleGrid cols={2}>
            {active.map((l) => (
              <Button
                key={l.id}
                size="xl"
                h={84}
                variant={priority ? 'filled' : 'light'}
                color={priority ? 'orange' : 'blue'}
                onClick={() => void issue(l)}
                loading={busy}
              >
                <Stack gap={0} align="center">
                  <Text fz={28} fw={800} lh={1.1}>
                    {l.prefix} {l.name}
                  </Text>
                  <Text size="xs">按 {l.prefix} 键</Text>
                </Stack>
              </Button>
            ))}
          </SimpleGrid>
        </Paper>
      </Stack>
      <Stack>
        {last && (
          <Paper withBorder p="lg" ta="center" aria-label="刚取的号">
            <Text c="dimmed">刚取的号</Text>
            <Text fz={96} fw={900} lh={1.1} data-testid="issued-ticket">
              {last.ticketNo}
            </Text>
            <Text size="xl">
              {last.laneName} · 前面还有 <b>{last.peopleAhead}</b> 人
            </Text>
            {last.priority && (
              <Badge color="orange" size="lg" mt="xs">
                优先：{labelOf(PRIORITY_REASONS, last.priority)}
              </Badge>
            )}
            <Group justify="center" mt="sm">
              <Button variant="default" onClick={() => void printSlip('ticket', last.id)}>
                打印凭条
              </Button>
            </Group>
          </Paper>
        )}
        {issued.length > 1 && (
          <Paper withBorder p="md">
            <Text fw={600} mb="xs">
              本机最近取号
            </Text>
            {issued.slice(1).map((t) => (
              <Text key={t.id}>
                {t.ticketNo} · {t.laneName} · {formatTime(t.issuedAt)}
                {t.priority ? ` · 优先（${labelOf(PRIORITY_REASONS, t.priority)}）` : ''}
              </Text>
            ))}
          </Paper>
        )}
      </Stack>
    </SimpleGrid>
  );
}
