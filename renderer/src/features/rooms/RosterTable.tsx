// The week's roster as a table: a row per session, days without one shown too;
// the administrator's actions at the end of each row.
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { SessionView } from '@shared/api/schemas/reception';
import { formatCalendarDate } from '@shared/time';
import { weekdayOf } from './roster-dates';
import { fromSession, newSession, type SessionForm } from './session-form';
import { SessionStatusBadge } from './SessionStatusBadge';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function RosterTable({
  days,
  today,
  sessions,
  admin,
  acting,
  onEdit,
  onSetStatus,
  onCancel,
}: {
  days: string[];
  today: string;
  sessions: SessionView[] | null;
  admin: boolean;
  /** The session whose status is being changed. */
  acting: string | null;
  onEdit: (session: SessionForm) => void;
  onSetStatus: (s: SessionView, status: 'published' | 'draft') => void;
  onCancel: (s: SessionView) => void;
}) {
  const byDate = new Map(days.map((d) => [d, (sessions ?? []).filter((s) => s.date === d)]));
  const cols = admin ? 10 : 9;
  return (
    <Table withTableBorder withColumnBorders aria-label="接访安排" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>日期</Table.Th>
          <Table.Th w={120}>时间</Table.Th>
          <Table.Th>接访领导</Table.Th>
          <Table.Th>接谈室</Table.Th>
          <Table.Th>接访事项</Table.Th>
          <Table.Th>值班律师</Table.Th>
          <Table.Th w={90}>每位时长</Table.Th>
          <Table.Th w={80}>已排入</Table.Th>
          <Table.Th w={110}>状态</Table.Th>
          {admin && <Table.Th w={190}>操作</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {days.map((d) => {
          const list = byDate.get(d) ?? [];
          const isToday = d === today;
          const dayCell = (span: number) => (
            <Table.Td rowSpan={span} bg={isToday ? 'yellow.0' : undefined} style={{ verticalAlign: 'top' }}>
              <Text fw={600} size="sm">
                {formatCalendarDate(d)}
              </Text>
              <Group gap={4}>
                <Text size="sm" c={weekdayOf(d) === '星期六' || weekdayOf(d) === '星期日' ? 'red.8' : 'dimmed'}>
                  {weekdayOf(d)}
                </Text>
                {isToday && (
                  <Badge size="xs" color="orange">
                    今天
                  </Badge>
                )}
              </Group>
            </Table.Td>
          );
          if (list.length === 0) {
            return (
              <Table.Tr key={d} data-date={d}>
                {dayCell(1)}
                <Table.Td colSpan={cols - 1 - (admin ? 1 : 0)}>
                  <Text size="sm" c="dimmed">
                    无接访安排
                  </Text>
                </Table.Td>
                {admin && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      // The visible words first, so a voice user saying "安排接访" reaches it; the date tells the rows apart.
                      aria-label={`安排接访：${formatCalendarDate(d)}`}
                      onClick={() => onEdit(newSession(d))}
                    >
                      安排接访
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          }
          return (
            <Fragment key={d}>
              {list.map((s, i) => {
                const cancelled = s.status === 'cancelled';
                const dim = cancelled ? { c: 'dimmed', td: 'line-through' as const } : {};
                return (
                  <Table.Tr key={s.id} data-date={d} data-session={s.id}>
                    {i === 0 && dayCell(list.length)}
                    <Table.Td {...dim} style={NOWRAP} fw={600}>
                      {s.start}–{s.end}
                    </Table.Td>
                    <Table.Td {...dim} style={NOWRAP}>
                      {s.leaderName}
                    </Table.Td>
                    <Table.Td {...dim} style={NOWRAP}>
                      {s.roomName}
                    </Table.Td>
                    <Table.Td>
                      <Text span size="sm" {...dim}>
                        {s.topics || (
                          <Text span size="sm" c="dimmed">
                            不限
                          </Text>
                        )}
                      </Text>
                      {cancelled && s.cancelReason && (
                        <Text size="sm" c="red.8" mt={2}>
                          取消原因：{s.cancelReason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td {...dim}>
                      {s.lawyer || (
                        <Text span size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td {...dim}>{s.slotMinutes}分钟</Table.Td>
                    <Table.Td>
                      {s.activeBookings > 0 ? (
                        `${s.activeBookings}人`
                      ) : (
                        <Text span size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <SessionStatusBadge status={s.status} />
                    </Table.Td>
                    {admin && (
                      <Table.Td>
                        {!cancelled && (
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-sm" variant="subtle" onClick={() => onEdit(fromSession(s))}>
                              编辑
                            </Button>
                            {s.status === 'draft' ? (
                              <Button
                                size="compact-sm"
                                variant="light"
                                color="teal"
                                loading={acting === s.id}
                                onClick={() => onSetStatus(s, 'published')}
                              >
                                发布
                              </Button>
                            ) : (
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                color="yellow.8"
                                loading={acting === s.id}
                                onClick={() => onSetStatus(s, 'draft')}
                              >
                                撤回
                              </Button>
                            )}
                            <Button size="compact-sm" variant="subtle" color="red" onClick={() => onCancel(s)}>
                              取消
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
