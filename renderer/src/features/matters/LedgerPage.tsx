// 包案台账: the matters each leader took on, how old they are, where they
// stand and whether they were resolved (化解). Leaders see their own unless
// the administrator let them see every queue.
import { Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useLocation } from 'wouter';
import type { LedgerRow } from '@shared/api/schemas/matters';
import { formatCalendarDate } from '@shared/time';
import { useAuth } from '../../app/auth-context';
import { useQuery } from '@lib/use-query';
import { STATE_COLOR, stateLabel } from './matter-ui';

function Resolution({ r }: { r: LedgerRow['resolution'] }) {
  if (r === 'resolved') return <Badge color="teal">已化解</Badge>;
  if (r === 'unresolved') return <Badge color="red">未化解</Badge>;
  return (
    <Badge color="gray" variant="light">
      化解中
    </Badge>
  );
}

export function LedgerPage() {
  const { user } = useAuth();
  const [, navigate] = useLocation();
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const { data: all } = useQuery('matters.ledger', {}, { invalidatedBy: ['matters.changed'], errorTitle: '无法读取包案台账' });
  const rows = (all ?? []).filter((r) => !leaderId || r.leaderId === leaderId);
  const leaders = [...new Map((all ?? []).map((r) => [r.leaderId, r.leaderName])).entries()];
  const groups = leaders
    .filter(([id]) => !leaderId || id === leaderId)
    .map(([id, name]) => ({ id, name, rows: rows.filter((r) => r.leaderId === id) }));
  const open = (r: LedgerRow) => navigate(`/matters/${r.matterId}`);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>包案台账</Title>
        {user.role === 'admin' && (
          <Select
            aria-label="包案领导"
            placeholder="全部领导"
            clearable
            data={leaders.map(([value, label]) => ({ value, label }))}
            value={leaderId}
            onChange={setLeaderId}
            w={200}
          />
        )}
      </Group>
      <Paper withBorder p="sm">
        <Table aria-label="包案台账" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>来访人</Table.Th>
              <Table.Th>诉求摘要</Table.Th>
              <Table.Th w={120}>事项状态</Table.Th>
              <Table.Th w={110}>登记至今</Table.Th>
              <Table.Th w={150}>包案日期</Table.Th>
              <Table.Th w={100}>化解</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Fragment key={g.id}>
                <Table.Tr bg="gray.1">
                  <Table.Td colSpan={6}>
                    <Text fw={700}>
                      {g.name}
                      <Text span size="sm" c="dimmed" fw={400} ml="sm">
                        包案 {g.rows.length} 件，已化解 {g.rows.filter((r) => r.resolution === 'resolved').length} 件
                      </Text>
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {g.rows.map((r) => (
                  <Table.Tr
                    key={r.matterId}
                    tabIndex={0}
                    style={{ cursor: 'pointer' }}
                    onClick={() => open(r)}
                    onKeyDown={(e) => e.key === 'Enter' && open(r)}
                  >
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {r.summary}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATE_COLOR[r.state]}>
                        {stateLabel(r.state)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.ageDays} 天</Table.Td>
                    <Table.Td>{r.leadOn ? formatCalendarDate(r.leadOn) : '—'}</Table.Td>
                    <Table.Td>
                      <Resolution r={r.resolution} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
            {all && groups.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed">还没有领导包案的事项</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
