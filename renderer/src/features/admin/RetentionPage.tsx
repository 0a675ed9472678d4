// 个人信息保留 (administrator): how many years a closed record keeps the person's full personal
// data, the report of who would be minimised today (read when asked: the report is itself
// audited), its xlsx, and the run, only after typing the confirmation that names the count.
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { RETENTION_MAX_YEARS, RETENTION_MIN_YEARS, retentionSettingsInput } from '@shared/api/schemas/retention';
import { formatCalendarDate } from '@shared/time';
import { call } from '../../api/client';
import { downloadBase64 } from '@lib/download';
import { zodErrors } from '@lib/form-errors';
import { notifyError, notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function Figure({ label, value, note, small }: { label: string; value: string; note?: string; small?: boolean }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size={small ? 'md' : 'xl'} lh={small ? 1.9 : undefined}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

export function RetentionPage() {
  const settings = useQuery('retention.settings', {}, { errorTitle: '无法读取保留设置' });
  const [years, setYears] = useState<number | string>('');
  const [yearsError, setYearsError] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  const report = useQuery('retention.report', {}, { enabled: asked, errorTitle: '无法生成报告' });
  const [typed, setTyped] = useState('');
  const [running, setRunning] = useState(false);
  const r = report.data;

  useEffect(() => {
    if (settings.data) setYears(settings.data.years);
  }, [settings.data]);

  const save = async () => {
    const errors = zodErrors(retentionSettingsInput, { years: typeof years === 'number' ? years : Number.NaN });
    setYearsError(errors.years ?? null);
    if (errors.years) return;
    try {
      await call('retention.saveSettings', { years: Number(years) });
      notifySuccess(`保留年限已设为 ${years} 年`);
      settings.reload();
      if (asked) report.reload();
    } catch (e) {
      notifyError(e, '保留年限未保存');
    }
  };

  const generate = () => {
    setTyped('');
    if (asked) report.reload();
    else setAsked(true);
  };

  const exportXlsx = async () => {
    try {
      const out = await call('retention.reportXlsx', {});
      downloadBase64(out.base64, out.name, XLSX_TYPE);
      notifySuccess(`已导出：${out.name}`);
    } catch (e) {
      notifyError(e, '报告未导出');
    }
  };

  const confirmed = !!r && r.persons > 0 && typed.trim() === r.confirmation;
  const apply = async () => {
    if (!r || !confirmed || running) return;
    setRunning(true);
    try {
      const out = await call('retention.apply', { count: r.persons, confirmation: typed.trim() });
      notifySuccess(`已对 ${out.persons} 人完成个人信息最小化（来访 ${out.visits} 次，代表 ${out.representatives} 人次）`);
      setTyped('');
      report.reload();
    } catch (e) {
      notifyError(e, '未执行');
      report.reload();
    } finally {
      setRunning(false);
    }
  };
  const onConfirmKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void apply();
    }
  };

  return (
    <Stack maw={1400} gap="md">
      <Paper withBorder p="md">
        <Title order={3}>个人信息保留</Title>
        <Text size="sm" mt="xs">
          信访事项办结（或终结、不予受理等）且最近一次来访都已超过保留年限的信访人，可在确认后删除其证件号码、联系电话、住址、出生日期和性别（含来访登记中的副本、集体访代表的证件号码和电话）。
          姓名、信访事项、来访内容、处理结果和存档文书作为信访档案保留，统计数字不变。系统不会自动执行。
        </Text>
        <Group align="flex-end" mt="md" gap="sm">
          <NumberInput
            label="保留年限（年）"
            description={`${RETENTION_MIN_YEARS}–${RETENTION_MAX_YEARS} 年，自最近来访和事项最后办理之日起算`}
            value={years}
            onChange={setYears}
            min={RETENTION_MIN_YEARS}
            max={RETENTION_MAX_YEARS}
            allowDecimal={false}
            error={yearsError}
            w={360}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void save();
              }
            }}
            data-autofocus
            autoFocus
          />
          <Button variant="default" onClick={save}>
            保存
          </Button>
          <Button onClick={generate} loading={report.loading}>
            生成报告
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          Enter 保存年限 · 生成报告只列出将受影响的人员，不做任何修改 · 查看和导出报告记入审计日志
        </Text>
      </Paper>

      {r && (
        <Paper withBorder p="md" aria-label="保留报告">
          <Group justify="space-between" mb="sm">
            <Title order={4}>
              报告：保留 {r.years} 年，截止 {formatCalendarDate(r.cutoff)}（含）
            </Title>
            <Button variant="light" onClick={exportXlsx} disabled={r.persons === 0}>
              导出 Excel
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm">
            <Figure
              label="受影响信访人"
              value={`${r.persons} 人`}
              note={r.alreadyMinimized ? `此前已处理 ${r.alreadyMinimized} 人` : undefined}
            />
            <Figure label="来访登记" value={`${r.visits} 次`} />
            <Figure label="信访事项" value={`${r.matters} 件`} note="保留" />
            <Figure label="集体访代表" value={`${r.representatives} 人次`} />
            <Figure label="存档文书" value={`${r.files} 份`} note="保留（证件号码已隐去）" />
            <Figure
              label="最近来访（最早至最晚）"
              value={r.oldestVisitOn ? formatCalendarDate(r.oldestVisitOn) : '—'}
              note={r.newestVisitOn ? `至 ${formatCalendarDate(r.newestVisitOn)}` : undefined}
              small
            />
          </SimpleGrid>
          {r.persons === 0 ? (
            <Alert mt="md" color="green">
              没有超过保留年限的人员，无需处理
            </Alert>
          ) : (
            <>
              <Table striped fz="sm" mt="md" layout="fixed" aria-label="受影响人员">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>序号</Table.Th>
                    <Table.Th w={140}>姓名</Table.Th>
                    <Table.Th w={220}>证件号码</Table.Th>
                    <Table.Th w={160}>最近来访</Table.Th>
                    <Table.Th w={180}>事项办结/终结</Table.Th>
                    <Table.Th w={100}>来访次数</Table.Th>
                    <Table.Th>事项数</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.list.map((p, i) => (
                    <Table.Tr key={p.petitionerId}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td ff="monospace">{p.idMasked || '—'}</Table.Td>
                      <Table.Td>{formatCalendarDate(p.lastVisitOn)}</Table.Td>
                      <Table.Td>{p.lastClosedOn ? formatCalendarDate(p.lastClosedOn) : '—'}</Table.Td>
                      <Table.Td>{p.visits}</Table.Td>
                      <Table.Td>{p.matters}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {r.persons > r.list.length && (
                <Text size="xs" c="dimmed" mt="xs">
                  仅显示最早的 {r.list.length} 人，全部 {r.persons} 人见导出的 Excel
                </Text>
              )}
              <Alert mt="md" color="red" title="确认执行" aria-label="确认执行">
                <Text size="sm">
                  将对以上 {r.persons} 人删除证件号码、联系电话、住址、出生日期和性别，此操作不可撤销。请输入“{r.confirmation}”后按 Enter
                  或点击执行。
                </Text>
                <Group mt="sm" align="flex-end">
                  <TextInput
                    label="确认文字"
                    placeholder={r.confirmation}
                    value={typed}
                    onChange={(e) => setTyped(e.currentTarget.value)}
                    onKeyDown={onConfirmKey}
                    w={260}
                  />
                  <Button color="red" onClick={apply} disabled={!confirmed} loading={running}>
                    执行
                  </Button>
                </Group>
              </Alert>
            </>
          )}
        </Paper>
      )}
    </Stack>
  );
}
