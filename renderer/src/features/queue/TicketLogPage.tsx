// 叫号记录: the day's tickets with who called them, where and when — at a desk or, by the
// duty leader, into a talk room — and the reason given for a call out of the line's order.
// Filtered by where and how they were called, and by number; keyboard first
// (F3: the number field, as F3 finds elsewhere; the kinds are a radio group: Tab to it, ←/→ to choose).
import { Badge, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { HallDateInput } from '@lib/HallDateInput';
import type { TicketLogCall, TicketLogEntry } from '@shared/api/schemas/queue';
import { TICKET_STATUSES } from '@shared/domain/queue';
import { labelOf } from '@shared/domain/categories';
import { formatTime, hallDate } from '@shared/time';
import { useQuery } from '@lib/use-query';
import { TicketBadges } from './TicketBadges';

const CALL_KIND = { call: '叫号', recall: '重呼', walk_in: '无号接待' } as const;

const FILTERS = [
  { value: 'all', label: '全部', keep: () => true },
  { value: 'desk', label: '窗口叫号', keep: (t: TicketLogEntry) => t.calls.some((c) => c.place === 'desk') },
  { value: 'room', label: '领导接谈室叫号', keep: (t: TicketLogEntry) => t.calls.some((c) => c.place === 'room') },
  { value: 'out_of_order', label: '提前叫号', keep: (t: TicketLogEntry) => t.calls.some((c) => c.outOfOrder) },
  { value: 'recall', label: '重呼', keep: (t: TicketLogEntry) => t.calls.some((c) => c.kind === 'recall') },
  { value: 'no_show', label: '过号', keep: (t: TicketLogEntry) => t.status === 'no_show' },
] as const;
type FilterCode = (typeof FILTERS)[number]['value'];

const placeLabel = (c: TicketLogCall) => (c.place === 'room' ? `${c.placeNumber}号接谈室` : `${c.placeNumber}号窗口`);
const callLabel = (c: TicketLogCall) => (c.place === 'room' ? (c.kind === 'recall' ? '重呼入室' : '叫入接谈室') : CALL_KIND[c.kind]);

export function TicketLogPage() {
  const [date, setDate] = useState(hallDate());
  const [filter, setFilter] = useState<FilterCode>('all');
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['F3', () => searchRef.current?.focus()]], []);
  const { data } = useQuery('queue.dayLog', { date }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(date), errorTitle: '无法读取叫号记录' });
  const all = useMemo(() => data ?? [], [data]);
  const counts = useMemo(() => new Map(FILTERS.map((f) => [f.value, all.filter(f.keep).length])), [all]);
  const q = search.trim().toUpperCase();
  const rows = all.filter((t) => FILTERS.find((f) => f.value === filter)!.keep(t) && (!q || t.ticketNo.includes(q)));
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" align="flex-end">
        <Title order={3}>叫号记录</Title>
        <Group align="flex-end">
          <TextInput
            ref={searchRef}
            label="号码（F3）"
            placeholder="如 A012"
            w={180}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <HallDateInput label="日期" value={date} onChange={setDate} />
        </Group>
      </Group>
      <Stack gap={4} mb="sm">
        <Text size="sm" id="ticket-log-filter-label">
          显示
        </Text>
        <SegmentedControl
          aria-labelledby="ticket-log-filter-label"
          value={filter}
          onChange={(v) => setFilter(v as FilterCode)}
          data={FILTERS.map((f) => ({ value: f.value, label: `${f.label}（${counts.get(f.value) ?? 0}）` }))}
        />
      </Stack>
      {all.length === 0 ? (
        <Text c="dimmed">当日没有取号记录</Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed">没有符合条件的号</Text>
      ) : (
        <Table striped aria-label="叫号记录">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>号码</Table.Th>
              <Table.Th>队列</Table.Th>
              <Table.Th>取号</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>叫号经过</Table.Th>
              <Table.Th>提前叫号原因</Table.Th>
              <Table.Th>结束</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td fw={700}>{t.ticketNo}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.laneName}</Table.Td>
                <Table.Td>{formatTime(t.issuedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light">{labelOf(TICKET_STATUSES, t.status)}</Badge>
                    <TicketBadges t={t} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t.calls.map((c, i) => (
                    <Text key={i} size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatTime(c.at)} {callLabel(c)}
                      {c.outOfOrder ? '（提前）' : ''} · {placeLabel(c)} · {c.actorName}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  {t.calls
                    .filter((c) => c.outOfOrder)
                    .map((c, i) => (
                      <Text key={i} size="sm">
                        {formatTime(c.at)} {c.reason ?? '（不在您的接访范围内，不显示）'}
                      </Text>
                    ))}
                </Table.Td>
                <Table.Td>{t.finishedAt ? formatTime(t.finishedAt) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
