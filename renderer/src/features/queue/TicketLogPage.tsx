// 叫号记录: the day's tickets with who called them, where and when.
import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { HallDateInput } from '@lib/HallDateInput';
import { useState } from 'react';
import { TICKET_STATUSES } from '@shared/domain/queue';
import { labelOf } from '@shared/domain/categories';
import { formatTime, hallDate } from '@shared/time';
import { useQuery } from '@lib/use-query';
import { TicketBadges } from './TicketBadges';

const CALL_KIND = { call: '叫号', recall: '重呼', walk_in: '无号接待' } as const;

export function TicketLogPage() {
  const [date, setDate] = useState(hallDate());
  const { data } = useQuery('queue.dayLog', { date }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(date), errorTitle: '无法读取叫号记录' });
  const rows = data ?? [];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3}>叫号记录</Title>
        <HallDateInput label="日期" value={date} onChange={setDate} />
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">当日没有取号记录</Text>
      ) : (
        <Table striped aria-label="叫号记录">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>号码</Table.Th>
              <Table.Th>队列</Table.Th>
              <Table.Th>取号</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>叫号经过</Table.Th>
              <Table.Th>结束</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td fw={700}>{t.ticketNo}</Table.Td>
                <Table.Td>{t.laneName}</Table.Td>
                <Table.Td>{formatTime(t.issuedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light">{labelOf(TICKET_STATUSES, t.status)}</Badge>
                    <TicketBadges t={t} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t.calls.map((c, i) => (
                    <Text key={i} size="sm">
                      {formatTime(c.at)} {CALL_KIND[c.kind]} · {c.deskNumber}号窗口 · {c.actorName}
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
