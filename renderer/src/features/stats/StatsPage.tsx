import '@mantine/charts/styles.css';
// 统计分析: the figures of a period with their numerator and denominator, 环比
// and 同比, the daily trend, a breakdown, the hall's load by weekday and hour;
// a number opens the visits, matters or tickets behind it. The definitions
// are shared/domain/stats.ts; the backend computes, this page shows.
import { BarChart, LineChart } from '@mantine/charts';
import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { DrillKey, FigureSummary, FigureValue } from '@shared/api/schemas/stats';
import { BREAKDOWNS, figureDefinition, periodOf, type BreakdownKey, type PeriodKind } from '@shared/domain/stats';
import { formatCalendarDate, formatTime, hallDate } from '@shared/time';
import { HallDateInput } from '@lib/HallDateInput';
import { useQuery } from '@lib/use-query';
import { ReportActions } from './ReportActions';
import { HallTimesTable } from './HallTimesTable';
import type { ReportKind } from '@shared/api/schemas/stats';
import { WindowEvaluationCard } from './WindowEvaluationCard';

const pct = (v: FigureValue) => (v.rate == null ? '—' : `${(v.rate * 100).toFixed(1)}%`);
const main = (v: FigureValue) => (v.denominator == null ? String(v.numerator) : pct(v));

function change(now: FigureValue, then: FigureValue): string {
  if (now.denominator != null) {
    if (now.rate == null || then.rate == null) return '—';
    const d = (now.rate - then.rate) * 100;
    return `${d >= 0 ? '+' : ''}${d.toFixed(1)}个百分点`;
  }
  if (then.numerator === 0) return now.numerator === 0 ? '持平' : '—';
  const d = ((now.numerator - then.numerator) / then.numerator) * 100;
  return `${d >= 0 ? '+' : ''}${d.toFixed(1)}%`;
}

function FigureCard({ f, onDrill }: { f: FigureSummary; onDrill: () => void }) {
  const def = figureDefinition(f.key);
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed" title={def.denominator ? `分子：${def.numerator}\n分母：${def.denominator}` : def.numerator}>
        {f.label}
      </Text>
      {/* The figure shown is the button's name (a voice user says what they see), then what it opens. */}
      <UnstyledButton onClick={onDrill} aria-label={`${main(f)} ${f.label}明细`}>
        <Text fw={700} fz={26} c="blue.8" style={{ textDecoration: 'underline dotted' }}>
          {main(f)}
        </Text>
      </UnstyledButton>
      {f.denominator != null && (
        <Text size="sm">
          {f.numerator} / {f.denominator}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        环比 {change(f, f.previous)}　同比 {change(f, f.lastYear)}
      </Text>
    </Paper>
  );
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** The office hours, 7时–18时, widened to any hour that has tickets (an early queue, a late evening): no ticket is left off. */
function hoursOf(load: number[][]): number[] {
  const used = Array.from({ length: 24 }, (_, h) => h).filter((h) => load.some((row) => row[h]! > 0));
  const from = Math.min(7, ...used);
  const to = Math.max(18, ...used);
  return Array.from({ length: to - from + 1 }, (_, i) => i + from);
}

function DrillModal({
  drill,
  from,
  to,
  onClose,
}: {
  drill: { figure: DrillKey; key: string | null; title: string };
  from: string;
  to: string;
  onClose: () => void;
}) {
  const [, navigate] = useLocation();
  const { data } = useQuery('stats.drill', { from, to, figure: drill.figure, key: drill.key }, { errorTitle: '无法读取明细' });
  return (
    <Modal opened onClose={onClose} title={`${drill.title}明细`} size="xl">
      {data && (
        <Stack gap="xs">
          <Text size="sm">
            共 {data.total} 条{data.total > data.rows.length ? `，显示前 ${data.rows.length} 条` : ''}
          </Text>
          <ScrollArea h={480}>
            <Table striped fz="sm">
              {data.kind === 'visits' && (
                <Table.Tbody>
                  {data.rows.map((r) => (
                    <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/matters/${r.matterId}`)}>
                      <Table.Td>{formatCalendarDate(r.visitDate)}</Table.Td>
                      <Table.Td>{r.visitNo}</Table.Td>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{r.kind === 'first' ? '初访' : '重复访'}</Table.Td>
                      <Table.Td>{r.peopleCount}人</Table.Td>
                      <Table.Td>{r.summary}</Table.Td>
                      <Table.Td>{r.unit || '未定'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              )}
              {data.kind === 'matters' && (
                <Table.Tbody>
                  {data.rows.map((r) => (
                    <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/matters/${r.id}`)}>
                      <Table.Td>{formatCalendarDate(r.receivedOn)}</Table.Td>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{r.summary}</Table.Td>
                      <Table.Td>{r.unit || '未定'}</Table.Td>
                      <Table.Td>{r.counted ? <Badge color="teal">计入分子</Badge> : <Badge color="gray">未计入分子</Badge>}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              )}
              {data.kind === 'tickets' && (
                <Table.Tbody>
                  {data.rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{formatCalendarDate(r.day)}</Table.Td>
                      <Table.Td>{r.ticketNo}</Table.Td>
                      <Table.Td>{r.lane}</Table.Td>
                      <Table.Td>取号 {formatTime(r.issuedAt)}</Table.Td>
                      <Table.Td>{r.firstCallAt ? `叫号 ${formatTime(r.firstCallAt)}` : '未叫号'}</Table.Td>
                      <Table.Td>{r.status === 'no_show' ? '过号' : r.status === 'done' ? '已办理' : r.status}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              )}
            </Table>
          </ScrollArea>
        </Stack>
      )}
    </Modal>
  );
}

export function StatsPage() {
  const today = hallDate(new Date());
  const [range, setRange] = useState(() => periodOf('month', today));
  const [by, setBy] = useState<BreakdownKey>('category');
  const [drill, setDrill] = useState<{ figure: DrillKey; key: string | null; title: string } | null>(null);
  const { data: s } = useQuery('stats.summary', range, { invalidatedBy: ['matters.changed', 'pads.answered'], errorTitle: '无法读取统计' });
  const [kind, setKind] = useState<PeriodKind>('month');
  const pick = (k: PeriodKind) => {
    setKind(k);
    setRange(periodOf(k, range.from));
  };
  /** The workbook follows the period kind chosen (a year exports its month's report). */
  const exportKind: ReportKind = kind === 'year' ? 'month' : kind;
  const open = (figure: DrillKey, title: string, key: string | null = null) => setDrill({ figure, key, title });
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>统计分析</Title>
        <Group align="flex-end" gap="xs">
          <SegmentedControl
            data={[
              { value: 'day', label: '日' },
              { value: 'week', label: '周' },
              { value: 'month', label: '月' },
              { value: 'year', label: '年' },
            ]}
            onChange={(k) => pick(k as PeriodKind)}
            defaultValue="month"
          />
          <HallDateInput
            label="开始日期"
            value={range.from}
            onChange={(from) => setRange((r) => ({ from, to: from > r.to ? from : r.to }))}
          />
          <HallDateInput label="结束日期" value={range.to} onChange={(to) => setRange((r) => ({ from: to < r.from ? to : r.from, to }))} />
          <Button variant="default" onClick={() => setRange(periodOf('month', today))}>
            本月
          </Button>
        </Group>
      </Group>
      <ReportActions range={range} today={today} exportKind={exportKind} />
      {s && (
        <>
          <Text size="sm" c="dimmed">
            环比期间 {formatCalendarDate(s.previous.from)}至{formatCalendarDate(s.previous.to)}；同比期间{' '}
            {formatCalendarDate(s.lastYear.from)}至{formatCalendarDate(s.lastYear.to)}。点击数字查看明细。
          </Text>
          <SimpleGrid cols={{ base: 4, lg: 5 }} spacing="xs">
            {s.figures.map((f) => (
              <FigureCard key={f.key} f={f} onDrill={() => open(f.key, f.label)} />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">
                每日来访（批次 / 人次）
              </Text>
              <LineChart
                h={220}
                data={s.trend.map((t) => ({ ...t, day: t.date.slice(5) }))}
                dataKey="day"
                series={[
                  { name: 'visits', label: '批次', color: 'blue.6' },
                  { name: 'people', label: '人次', color: 'orange.6' },
                ]}
                withLegend
                curveType="linear"
              />
            </Paper>
            <Paper withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Text fw={600}>分类统计</Text>
                <SegmentedControl
                  size="xs"
                  value={by}
                  onChange={(b) => setBy(b as BreakdownKey)}
                  data={BREAKDOWNS.map((b) => ({ value: b.code, label: b.label }))}
                />
              </Group>
              <BarChart
                h={220}
                data={s.breakdowns[by].slice(0, 10)}
                dataKey="label"
                series={[{ name: 'visits', label: '批次', color: 'blue.6' }]}
                barProps={{
                  onClick: (d: { payload?: { code?: string; label?: string } }) =>
                    d.payload && open(by, d.payload.label ?? '', d.payload.code ?? ''),
                }}
              />
            </Paper>
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">
                逾期事项（按责任单位，截至今日）
              </Text>
              {s.overdueByUnit.length === 0 && (
                <Text size="sm" c="dimmed">
                  没有逾期事项
                </Text>
              )}
              <Table fz="sm">
                <Table.Tbody>
                  {s.overdueByUnit.map((o) => (
                    <Table.Tr key={o.unit} style={{ cursor: 'pointer' }} onClick={() => open('overdue', `${o.label}逾期事项`, o.unit)}>
                      <Table.Td>{o.label}</Table.Td>
                      <Table.Td ta="right">{o.count}件</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text fw={600} mt="sm" mb="xs">
                窗口等候与办理时长（中位数 / 90%）
              </Text>
              <HallTimesTable
                first="窗口"
                label="按窗口的等候与办理时长"
                rows={[{ id: 'all', name: '全部', ...s.hall.all }, ...s.hall.byDesk]}
              />
              {s.hall.byClerk.length > 0 && (
                <>
                  <Text fw={600} mt="sm" mb="xs">
                    按登记员（最后一次叫号的人）
                  </Text>
                  <HallTimesTable first="登记员" label="按登记员的等候与办理时长" rows={s.hall.byClerk} />
                </>
              )}
            </Paper>
            <WindowEvaluationCard w={s.windowEvaluations} />
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">
                取号时段分布（星期 × 时）
              </Text>
              <Table fz="xs" withColumnBorders ta="center" horizontalSpacing={4} aria-label="取号时段分布">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    {hoursOf(s.hall.load).map((h) => (
                      <Table.Th key={h} ta="center" style={{ whiteSpace: 'nowrap' }}>
                        {h}时
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[1, 2, 3, 4, 5, 6, 0].map((w) => (
                    <Table.Tr key={w}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{WEEKDAYS[w]}</Table.Td>
                      {hoursOf(s.hall.load).map((h) => {
                        const n = s.hall.load[w]![h]!;
                        return (
                          <Table.Td key={h} bg={n ? `blue.${Math.min(1 + n, 4)}` : undefined}>
                            {n || ''}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </SimpleGrid>
        </>
      )}
      {drill && <DrillModal drill={drill} from={range.from} to={range.to} onClose={() => setDrill(null)} />}
    </Stack>
  );
}
