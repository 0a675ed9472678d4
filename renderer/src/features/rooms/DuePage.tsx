// 期限提醒: every open clock of every matter (书面告知, 办理, 复查答复, 复核答复),
// earliest first — overdue in red, due today and within three days flagged —
// filtered by clock, unit and lead leader. A row opens the matter; 督办 from
// the row for leaders and the administrator.
import { Badge, Button, Group, Kbd, Paper, Select, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { DueMatter } from '@shared/api/schemas/matters';
import { CLOCKS, TRANSITIONS, type Clock } from '@shared/domain/matter';
import { formatCalendarDate } from '@shared/time';
import { useAuth } from '../../app/auth-context';
import { useQuery } from '@lib/use-query';
import { MatterActionById } from '../matters/MatterActionDialog';
import { DueByUnit } from './DueByUnit';
import { DUE_MARK, STATE_COLOR, clockLabel, dueText, stateLabel } from '../matters/matter-ui';

type Mark = 'all' | DueMatter['dueState'];

export function DuePage() {
  const { user } = useAuth();
  const [, navigate] = useLocation();
  const [clock, setClock] = useState<Clock | ''>('');
  const [unitTyped, setUnit] = useState('');
  const [unit] = useDebouncedValue(unitTyped.trim(), 300);
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const [mark, setMark] = useState<Mark>('all');
  const [supervising, setSupervising] = useState<string | null>(null);
  const { data } = useQuery(
    'matters.dueList',
    { clock: clock || null, unit, leaderId },
    { invalidatedBy: ['matters.changed', 'visits.changed'], errorTitle: '无法读取期限提醒' },
  );
  // Lead leaders to filter by: those who hold matters (the 包案台账 names them).
  const { data: ledger } = useQuery('matters.ledger', {}, { enabled: user.role !== 'leader', errorTitle: false });
  const leaders = [...new Map((ledger ?? []).map((r) => [r.leaderId, r.leaderName])).entries()];
  const c = data?.counts;
  const items = (data?.items ?? []).filter((d) => mark === 'all' || d.dueState === mark);
  const open = (d: DueMatter) => navigate(`/matters/${d.matterId}`);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>期限提醒</Title>
        <SegmentedControl
          aria-label="按期限状态"
          value={mark}
          onChange={(v) => setMark(v as Mark)}
          data={[
            { value: 'all', label: `全部 ${c?.total ?? 0}` },
            { value: 'overdue', label: `逾期 ${c?.overdue ?? 0}` },
            { value: 'due_today', label: `今日到期 ${c?.dueToday ?? 0}` },
            { value: 'due_soon', label: `即将到期 ${c?.dueSoon ?? 0}` },
          ]}
          color={mark === 'overdue' || (mark === 'all' && (c?.overdue ?? 0) > 0) ? 'red' : 'blue'}
        />
      </Group>
      <Paper withBorder p="sm">
        <Group gap="md" align="flex-end">
          <SegmentedControl
            aria-label="期限种类"
            value={clock}
            onChange={(v) => setClock(v as Clock | '')}
            data={[{ value: '', label: '全部期限' }, ...CLOCKS.map((k) => ({ value: k.code, label: k.label }))]}
          />
          <TextInput label="责任单位" placeholder="单位全称" value={unitTyped} onChange={(e) => setUnit(e.currentTarget.value)} w={220} />
          {user.role !== 'leader' && (
            <Select
              label="包案领导"
              placeholder="全部"
              clearable
              data={leaders.map(([value, label]) => ({ value, label }))}
              value={leaderId}
              onChange={setLeaderId}
              w={180}
            />
          )}
          <Text size="xs" c="dimmed" ml="auto">
            <Kbd>Tab</Kbd> 选行 · <Kbd>Enter</Kbd> 打开事项
          </Text>
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        <Table striped highlightOnHover aria-label="期限列表">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>到期日</Table.Th>
              <Table.Th w={140}>期限状态</Table.Th>
              <Table.Th w={90}>期限</Table.Th>
              <Table.Th w={100}>来访人</Table.Th>
              <Table.Th>诉求摘要</Table.Th>
              <Table.Th w={110}>事项状态</Table.Th>
              <Table.Th w={150}>责任单位</Table.Th>
              <Table.Th w={100}>包案领导</Table.Th>
              <Table.Th w={120}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr
                key={d.matterId}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                onClick={() => open(d)}
                onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && open(d)}
              >
                <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {formatCalendarDate(d.due)}
                </Table.Td>
                <Table.Td>
                  <Badge color={DUE_MARK[d.dueState].color} variant={d.dueState === 'ok' ? 'light' : 'filled'}>
                    {dueText(d.dueState, d.daysLeft)}
                  </Badge>
                </Table.Td>
                <Table.Td>{clockLabel(d.clock)}</Table.Td>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {d.summary}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATE_COLOR[d.state]}>
                    {stateLabel(d.state)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.unit || '—'}</Table.Td>
                <Table.Td>{d.leadLeaderName || '—'}</Table.Td>
                <Table.Td>
                  {user.role !== 'clerk' && TRANSITIONS.supervise.includes(d.state) && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      onClick={(e) => {
                        e.stopPropagation();
                        setSupervising(d.matterId);
                      }}
                    >
                      督办{d.supervisionCount > 0 ? `（已${d.supervisionCount}次）` : ''}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {data && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text c="dimmed">没有符合条件的期限</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {c && c.total > (data?.items.length ?? 0) && (
          <Text size="xs" c="dimmed" mt="xs">
            共 {c.total} 件，显示最早到期的 {data?.items.length} 件
          </Text>
        )}
      </Paper>
      {data && <DueByUnit units={data.units} onPick={setUnit} />}
      {supervising && <MatterActionById matterId={supervising} action="supervise" onClose={() => setSupervising(null)} />}
    </Stack>
  );
}
