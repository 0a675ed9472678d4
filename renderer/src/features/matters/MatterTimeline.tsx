// Every act on the matter, oldest first: its date, who, what, the state it
// moved from and to, the unit, the reason, and what the act carried.
import { Badge, Table, Text } from '@mantine/core';
import type { MatterEventView } from '@shared/api/schemas/matters';
import { MATTER_ACTIONS } from '@shared/domain/matter';
import { labelOf } from '@shared/domain/categories';
import { formatCalendarDate, formatTime } from '@shared/time';
import { eventLines } from './event-text';
import { STATE_COLOR, stateLabel } from './matter-ui';

export function MatterTimeline({ events }: { events: MatterEventView[] }) {
  return (
    <Table striped verticalSpacing={6} aria-label="办理过程" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>日期</Table.Th>
          <Table.Th w={90}>经办人</Table.Th>
          <Table.Th w={170}>事项</Table.Th>
          <Table.Th w={190}>状态</Table.Th>
          <Table.Th>内容</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((e) => {
          const lines = eventLines(e);
          return (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatCalendarDate(e.on)}
                <Text size="xs" c="dimmed">
                  记录于 {formatTime(e.at)}
                </Text>
              </Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td fw={600}>{labelOf(MATTER_ACTIONS, e.action)}</Table.Td>
              <Table.Td>
                {e.fromState === e.toState ? (
                  <Badge variant="light" color={STATE_COLOR[e.toState]}>
                    {stateLabel(e.toState)}
                  </Badge>
                ) : (
                  <Text size="sm" span>
                    <Badge variant="light" color="gray">
                      {stateLabel(e.fromState)}
                    </Badge>
                    {' → '}
                    <Badge variant="filled" color={STATE_COLOR[e.toState]}>
                      {stateLabel(e.toState)}
                    </Badge>
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {e.unit && <Text size="sm">单位：{e.unit}</Text>}
                {lines.map((l) => (
                  <Text size="sm" key={l}>
                    {l}
                  </Text>
                ))}
                {e.reason && <Text size="sm">说明：{e.reason}</Text>}
                {!e.unit && !e.reason && lines.length === 0 && (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
        {events.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={5}>
              <Text c="dimmed">尚无办理记录（登记后待作出处理决定）</Text>
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
