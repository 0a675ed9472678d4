// 窗口评价 (评价器): the window's own evaluations of the period, in total and
// per desk or talk room. Not the matters' 群众参评率 (the figures above): see
// shared/domain/stats.ts for how the two relate.
import { Paper, Table, Text } from '@mantine/core';
import type { StatsSummary } from '@shared/api/schemas/stats';
import { PAD_REASONS } from '@shared/domain/pad';
import type { Ratio } from '@shared/domain/stats';

const pct = (r: Ratio) => (r.rate == null ? '—' : `${(r.rate * 100).toFixed(1)}%`);

export function WindowEvaluationCard({ w }: { w: StatsSummary['windowEvaluations'] }) {
  const rows = [{ id: 'all', name: '全部', ...w.all }, ...w.byPlace];
  const reasons = w.all.reasons.map((r) => `${PAD_REASONS.find((x) => x.code === r.code)?.label ?? r.code} ${r.count}`).join('，');
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        窗口评价（评价器）
      </Text>
      <Table fz="sm" aria-label="窗口评价">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>窗口</Table.Th>
            <Table.Th>满意</Table.Th>
            <Table.Th>基本满意</Table.Th>
            <Table.Th>不满意</Table.Th>
            <Table.Th>未参评</Table.Th>
            <Table.Th>窗口参评率</Table.Th>
            <Table.Th>窗口满意率</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid={`window-evaluation-${r.name}`}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.satisfied}</Table.Td>
              <Table.Td>{r.basic}</Table.Td>
              <Table.Td>{r.unsatisfied}</Table.Td>
              <Table.Td>{r.none}</Table.Td>
              <Table.Td>{pct(r.participation)}</Table.Td>
              <Table.Td>{pct(r.satisfaction)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {reasons ? `不满意原因：${reasons}。` : ''}
        {w.all.open ? `另有 ${w.all.open} 次正在等待作答，超时计为未参评。` : ''}
        窗口参评率 = 作答数 ÷（作答数 + 未参评）；窗口满意率 =（满意 + 基本满意）÷ 作答数。
      </Text>
    </Paper>
  );
}
