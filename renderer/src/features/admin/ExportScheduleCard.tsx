// 定时导出: the schedule as lines in words (每天 / 工作日 HH:mm, 每隔 N 分钟 between two hours, or a
// raw 自定义 cron), each written as the cron the scheduler runs, with the next five runs
// computed by the scheduler's own croner jobs (shared/domain/export-schedule.ts).
import { Alert, Badge, Button, Group, List, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ApiError } from '@shared/api/errors';
import type { ExportOverview } from '@shared/api/schemas/export';
import { cronToRule, nextRuns, ruleProblem, ruleToCron, type ScheduleRule } from '@shared/domain/export-schedule';
import { cronProblem } from '@shared/api/schemas/export';
import { formatCalendarDate, formatTime, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';
import { notifySuccess } from '@lib/notify';
import { useHolidayCalendar } from '@lib/use-holiday-calendar';
import { ScheduleRuleRow } from './ScheduleRuleRow';

const WEEKDAY = '日一二三四五六';

export function ExportScheduleCard({ overview, onSaved }: { overview: ExportOverview; onSaved: () => void }) {
  const [rules, setRules] = useState<ScheduleRule[]>(() => overview.schedules.map(cronToRule));
  const [keepDays, setKeepDays] = useState<number | string>(overview.keepStagedDays);
  const [error, setError] = useState<string | null>(null);
  const [keepError, setKeepError] = useState<string | null>(null);
  const calendar = useHolidayCalendar();
  const problems = rules.map((r) => ruleProblem(r) ?? (r.kind === 'custom' ? cronProblem(r.cron) : null));
  const crons = rules.map(ruleToCron);
  const valid = crons.filter((_, i) => problems[i] === null);
  const key = valid.join('\n');
  // Computed once per change of the schedule, from now.
  const upcoming = useMemo(() => nextRuns(key ? key.split('\n') : [], new Date(), 5), [key]);

  const save = async () => {
    if (problems.some((p) => p !== null)) {
      setError('请先改正标红的导出时间');
      return;
    }
    try {
      await call('export.saveSettings', { schedules: crons, keepStagedDays: typeof keepDays === 'number' ? keepDays : Number(keepDays) });
      setError(null);
      setKeepError(null);
      notifySuccess('导出时间已保存');
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.fields?.keepStagedDays) setKeepError(e.fields.keepStagedDays);
      else setError(messageOf(e));
    }
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        定时导出
      </Title>
      <Stack gap="xs">
        {rules.map((r, i) => (
          <ScheduleRuleRow
            key={i}
            index={i}
            rule={r}
            error={problems[i] ?? null}
            onChange={(next) => setRules(rules.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setRules(rules.filter((_, j) => j !== i))}
          />
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => setRules([...rules, { kind: 'daily', days: 'workdays', time: '17:30' }])}
            disabled={rules.length >= 20}
          >
            添加导出时间
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          工作日按星期计算（周一至周五），不查节假日表：节假日逢周一至周五照常导出（没有新记录则不发送），调休上班的周六、周日不导出。
        </Text>
      </Stack>
      <Text size="sm" fw={600} mt="sm" id="export-next-runs">
        接下来五次导出（北京时间）
      </Text>
      {upcoming.length === 0 ? (
        <Alert color="yellow" mt={4}>
          没有有效的导出时间：只有“立即导出”会发送记录。
        </Alert>
      ) : (
        <List size="sm" aria-labelledby="export-next-runs" mt={4}>
          {upcoming.map((d) => {
            const ymd = hallDate(d);
            const weekday = WEEKDAY[new Date(`${ymd}T00:00:00Z`).getUTCDay()];
            return (
              <List.Item key={d.getTime()}>
                {formatCalendarDate(ymd)} 周{weekday} {formatTime(d.toISOString())}
                {calendar?.holidays.has(ymd) && (
                  <Badge ml={6} size="sm" color="orange" variant="light">
                    节假日
                  </Badge>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
      <NumberInput
        mt="sm"
        w={360}
        label="暂存文件保留天数"
        description="已导出批次的文件在数据文件夹中保留的天数，到期删除，仅留清单与校验值"
        min={1}
        max={3650}
        value={keepDays}
        onChange={setKeepDays}
        error={keepError}
      />
      {error && (
        <Text c="red.8" size="sm" mt="xs" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end" mt="sm">
        <Button size="xs" onClick={() => void save()}>
          保存导出时间
        </Button>
      </Group>
    </Paper>
  );
}
