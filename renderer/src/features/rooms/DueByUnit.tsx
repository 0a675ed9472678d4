// 按责任单位: open matters, overdue and 督办 issued per unit (over the other
// filters); a row sets the unit filter. The bureau sees which unit holds up what.
import { Paper, Table, Text, Title } from '@mantine/core';
import type { DueList } from '@shared/api/schemas/matters';

export function DueByUnit({ units, onPick }: { units: DueList['units']; onPick: (unit: string) => void }) {
  if (units.length === 0) return null;
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        按责任单位
      </Title>
      <Table striped highlightOnHover aria-label="按责任单位" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>责任单位</Table.Th>
            <Table.Th ta="right">在办</Table.Th>
            <Table.Th ta="right">逾期</Table.Th>
            <Table.Th ta="right">督办次数</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr
              key={u.unit}
              tabIndex={u.unit ? 0 : -1}
              style={{ cursor: u.unit ? 'pointer' : undefined }}
              onClick={() => u.unit && onPick(u.unit)}
              onKeyDown={(e) => e.key === 'Enter' && u.unit && onPick(u.unit)}
            >
              <Table.Td>
                {u.unit || (
                  <Text span c="dimmed">
                    本机关（未指定单位）
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{u.open}</Table.Td>
              <Table.Td ta="right" c={u.overdue > 0 ? 'red.8' : undefined} fw={u.overdue > 0 ? 700 : undefined}>
                {u.overdue}
              </Table.Td>
              <Table.Td ta="right">{u.supervisions}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
