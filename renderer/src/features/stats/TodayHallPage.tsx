// 今日大厅 (clerks): today's hall figures only — tickets, 过号, visits, and the
// waiting and service times per lane and desk. The backend refuses a clerk any
// other range; colleagues' per-clerk rows are for leaders and the administrator.
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { FigureKey } from '@shared/domain/stats';
import { formatCalendarDate, hallDate } from '@shared/time';
import { useQuery } from '@lib/use-query';
import { HallTimesTable } from './HallTimesTable';

const SHOWN: readonly FigureKey[] = ['tickets', 'no_show', 'visits', 'people', 'group_visits', 'repeat_visits'];

export function TodayHallPage() {
  const today = hallDate(new Date());
  const { data: s } = useQuery(
    'stats.summary',
    { from: today, to: today },
    { invalidatedBy: ['queue.changed', 'matters.changed'], errorTitle: '无法读取今日大厅统计' },
  );
  return (
    <Stack gap="sm">
      <Title order={3}>今日大厅</Title>
      <Text size="sm" c="dimmed">
        {formatCalendarDate(today)}，窗口取号与来访登记的当日数字。
      </Text>
      {s && (
        <>
          <SimpleGrid cols={6} spacing="xs">
            {SHOWN.map((k) => {
              const f = s.figures.find((x) => x.key === k)!;
              return (
                <Paper key={k} withBorder p="sm">
                  <Text size="sm" c="dimmed">
                    {f.label}
                  </Text>
                  <Text fw={700} fz={26} aria-label={f.label}>
                    {f.denominator == null ? f.numerator : f.rate == null ? '—' : `${(f.rate * 100).toFixed(1)}%`}
                  </Text>
                  {f.denominator != null && (
                    <Text size="sm">
                      {f.numerator} / {f.denominator}
                    </Text>
                  )}
                </Paper>
              );
            })}
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">
                按窗口
              </Text>
              <HallTimesTable
                first="窗口"
                label="按窗口的等候与办理时长"
                rows={[{ id: 'all', name: '全部', ...s.hall.all }, ...s.hall.byDesk]}
              />
            </Paper>
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">
                按队列
              </Text>
              <HallTimesTable first="队列" label="按队列的等候与办理时长" rows={s.hall.byLane} />
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
