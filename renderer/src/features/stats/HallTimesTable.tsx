// 等候 and 办理 times (median / 90%) of the hall's desk tickets, one row per
// desk, lane or clerk: staff numbers in a table, never a chart.
import { Table, Text } from '@mantine/core';
import type { HallTimesRow } from '@shared/api/schemas/stats';

const fmtMin = (m: number | null) => (m == null ? '—' : `${Math.round(m)}分钟`);

export function HallTimesTable({ first, rows, label }: { first: string; rows: HallTimesRow[]; label: string }) {
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        期间内没有叫号
      </Text>
    );
  return (
    <Table fz="sm" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{first}</Table.Th>
          <Table.Th>叫号</Table.Th>
          <Table.Th>办结</Table.Th>
          <Table.Th>等候（中位/90%）</Table.Th>
          <Table.Th>办理（中位/90%）</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{d.name}</Table.Td>
            <Table.Td>{d.called}</Table.Td>
            <Table.Td>{d.served}</Table.Td>
            <Table.Td>
              {fmtMin(d.waitP50)} / {fmtMin(d.waitP90)}
            </Table.Td>
            <Table.Td>
              {fmtMin(d.serviceP50)} / {fmtMin(d.serviceP90)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
