// 节假日 (administrator): each year's public holidays and 调休 working days,
// from the State Council's notice. Deadlines of 《信访工作条例》 count with them.
import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import { CALENDAR_KINDS, type CalendarDay } from '@shared/api/schemas/calendar';
import { addDays, daysBetween } from '@shared/domain/deadlines';
import { formatCalendarDate, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { HallDateInput } from '@lib/HallDateInput';
import { notifyError, notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';

export function CalendarPage() {
  const thisYear = Number(hallDate().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  // The admin edits a draft of the year; without one the page shows what is saved.
  const saved = useQuery('calendar.year', { year });
  const [draft, setDraft] = useState<{ year: number; days: CalendarDay[]; dirty: boolean } | null>(null);
  const days = draft?.year === year ? draft.days : (saved.data ?? []);
  const dirty = draft?.year === year && draft.dirty;
  const setDays = (d: CalendarDay[]) => setDraft({ year, days: d, dirty: true });
  const [from, setFrom] = useState(`${thisYear}-10-01`);
  const [to, setTo] = useState(`${thisYear}-10-01`);
  const [kind, setKind] = useState<CalendarDay['kind']>('holiday');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const n = daysBetween(from, to);
    if (n < 0) return setError('结束日期不能早于开始日期');
    if (!from.startsWith(`${year}-`) || !to.startsWith(`${year}-`)) return setError(`日期须在 ${year} 年内`);
    const added = Array.from({ length: n + 1 }, (_, i) => ({ date: addDays(from, i), kind, name }));
    const keep = days.filter((d) => !added.some((a) => a.date === d.date));
    setDays([...keep, ...added].sort((a, b) => a.date.localeCompare(b.date)));
    setError(null);
  };
  const save = async () => {
    try {
      // What the server kept stands on screen until the year is read again.
      setDraft({ year, days: await call('calendar.save', { year, days }), dirty: false });
      saved.reload();
      notifySuccess(`${year} 年节假日已保存，各项期限按此计算`);
    } catch (e) {
      notifyError(e, e instanceof ApiError ? '节假日未保存' : undefined);
    }
  };

  return (
    <Paper withBorder p="md" maw={900}>
      <Group justify="space-between" mb="sm">
        <Title order={3}>节假日与调休</Title>
        <NativeSelect
          aria-label="年份"
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: `${y}年` }))}
        />
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        按国务院办公厅当年发布的放假安排录入。期限的最后一日遇放假顺延至下一个工作日；“工作日”期限跳过放假日、计入调休上班日。
      </Text>
      <Stack gap="xs" mb="md">
        <Group align="flex-end">
          <HallDateInput label="从" value={from} onChange={setFrom} />
          <HallDateInput label="至" value={to} onChange={setTo} />
          <NativeSelect
            label="类型"
            data={CALENDAR_KINDS.map((k) => ({ value: k.code, label: k.label }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as CalendarDay['kind'])}
          />
          <TextInput label="名称" placeholder="如 国庆节" value={name} onChange={(e) => setName(e.currentTarget.value)} w={140} />
          <Button variant="light" onClick={add}>
            加入
          </Button>
        </Group>
        {error && (
          <Text c="red.8" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
      <Table striped aria-label="节假日列表">
        <Table.Tbody>
          {days.map((d) => (
            <Table.Tr key={d.date}>
              <Table.Td>{formatCalendarDate(d.date)}</Table.Td>
              <Table.Td>
                <Badge color={d.kind === 'holiday' ? 'red' : 'blue'}>{d.kind === 'holiday' ? '放假' : '调休上班'}</Badge>
              </Table.Td>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td ta="right">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  onClick={() => {
                    setDays(days.filter((x) => x.date !== d.date));
                  }}
                >
                  删除
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {days.length === 0 && <Text c="dimmed">{year} 年尚未录入节假日</Text>}
      <Group justify="flex-end" mt="md">
        <Button onClick={() => void save()} disabled={!dirty}>
          保存 {year} 年节假日
        </Button>
      </Group>
    </Paper>
  );
}
