// One line of the export schedule picker: 每天定时 (HH:mm), 每隔几分钟 between two hours, or a raw
// 自定义 cron expression; 每天 or 工作日. Keyboard: the choices are radio groups (←/→), the
// numbers select their text on focus.
import { Button, Group, NumberInput, Paper, SegmentedControl, Text, TextInput } from '@mantine/core';
import {
  describeRule,
  INTERVAL_MINUTES,
  ruleToCron,
  type IntervalMinutes,
  type ScheduleDays,
  type ScheduleRule,
} from '@shared/domain/export-schedule';

const KINDS = [
  { value: 'daily', label: '每天定时' },
  { value: 'interval', label: '每隔几分钟' },
  { value: 'custom', label: '自定义（cron）' },
];
const DAYS = [
  { value: 'every', label: '每天' },
  { value: 'workdays', label: '工作日（周一至周五）' },
];

/** The same times in another shape, so switching the kind keeps what can be kept. */
function switchKind(rule: ScheduleRule, kind: ScheduleRule['kind']): ScheduleRule {
  const days: ScheduleDays = rule.kind === 'custom' ? 'every' : rule.days;
  if (kind === 'daily') return { kind, days, time: rule.kind === 'interval' ? `${String(rule.fromHour).padStart(2, '0')}:00` : '17:30' };
  if (kind === 'interval') return { kind, days, every: 30, fromHour: 8, toHour: 17 };
  return { kind, cron: ruleToCron(rule) };
}

export function ScheduleRuleRow({
  index,
  rule,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  rule: ScheduleRule;
  error: string | null;
  onChange: (r: ScheduleRule) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <Paper withBorder p="xs" aria-label={`导出时间 ${n}`} role="group">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm">
          <SegmentedControl
            aria-label={`导出时间 ${n} 方式`}
            size="xs"
            value={rule.kind}
            data={KINDS}
            onChange={(k) => onChange(switchKind(rule, k as ScheduleRule['kind']))}
          />
          {rule.kind !== 'custom' && (
            <SegmentedControl
              aria-label={`导出时间 ${n} 日期`}
              size="xs"
              value={rule.days}
              data={DAYS}
              onChange={(d) => onChange({ ...rule, days: d as ScheduleDays })}
            />
          )}
        </Group>
        <Button size="xs" variant="subtle" color="red" onClick={onRemove} aria-label={`删除导出时间 ${n}`}>
          删除
        </Button>
      </Group>
      <Group gap="sm" align="flex-end" mt={6}>
        {rule.kind === 'daily' && (
          <TextInput
            label="时间"
            aria-label={`导出时间 ${n} 时间`}
            placeholder="17:30"
            w={90}
            size="xs"
            value={rule.time}
            onChange={(e) => onChange({ ...rule, time: e.currentTarget.value.trim() })}
            onFocus={(e) => e.currentTarget.select()}
            error={error}
          />
        )}
        {rule.kind === 'interval' && (
          <>
            <NumberInput
              label="从（时）"
              aria-label={`导出时间 ${n} 开始（时）`}
              w={80}
              size="xs"
              min={0}
              max={23}
              allowDecimal={false}
              value={rule.fromHour}
              onChange={(v) => onChange({ ...rule, fromHour: Number(v) })}
            />
            <NumberInput
              label="到（时）"
              aria-label={`导出时间 ${n} 结束（时）`}
              w={80}
              size="xs"
              min={1}
              max={24}
              allowDecimal={false}
              value={rule.toHour}
              onChange={(v) => onChange({ ...rule, toHour: Number(v) })}
              error={error}
            />
            <SegmentedControl
              aria-label={`导出时间 ${n} 间隔`}
              size="xs"
              value={String(rule.every)}
              data={INTERVAL_MINUTES.map((m) => ({ value: String(m), label: `${m}分钟` }))}
              onChange={(v) => onChange({ ...rule, every: Number(v) as IntervalMinutes })}
            />
          </>
        )}
        {rule.kind === 'custom' && (
          <TextInput
            label="定时表达式（分 时 日 月 周，北京时间）"
            aria-label={`导出时间 ${n} 定时表达式`}
            w={300}
            size="xs"
            value={rule.cron}
            onChange={(e) => onChange({ ...rule, cron: e.currentTarget.value })}
            error={error}
          />
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {rule.kind === 'custom' ? '' : `${describeRule(rule)} · `}
        <Text span ff="monospace" size="xs">
          写入：{ruleToCron(rule) || '（空）'}
        </Text>
      </Text>
    </Paper>
  );
}
