// 信访事项: one matter — who, what, where it stands, the clocks running, every
// act on it, its visits and papers — and the acts the rules allow now, each on
// its function key (see ACTION_KEYS), each opening its own dialog.
import { Alert, Anchor, Badge, Button, Grid, Group, Kbd, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import type { MatterView } from '@shared/api/schemas/matters';
import {
  DECISIONS,
  DECLINE_GROUNDS,
  EVALUATION_VIA,
  EVALUATIONS,
  LEGAL_ROUTES,
  MATTER_KINDS,
  endedNotice,
  type MatterAction,
} from '@shared/domain/matter';
import { labelOf } from '@shared/domain/categories';
import { formatCalendarDate } from '@shared/time';
import { useAuth } from '../../app/auth-context';
import { categoryLabel, kindLabel } from '@lib/labels';
import { useQuery } from '@lib/use-query';
import { MatterActionDialog } from './MatterActionDialog';
import { MatterPapers } from './MatterPapers';
import { MatterTimeline } from './MatterTimeline';
import { ACTION_BUTTON, ACTION_KEYS, DUE_MARK, STATE_COLOR, clockLabel, dueText, keyText, stateLabel } from './matter-ui';
import { mayTakeAction } from '@shared/domain/matter';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children || '—'}
      </Text>
    </div>
  );
}

function decisionText(m: MatterView): string {
  if (!m.decision) return '';
  const extra = m.declineGround ? labelOf(DECLINE_GROUNDS, m.declineGround) : m.route ? labelOf(LEGAL_ROUTES, m.route) : '';
  return `${labelOf(DECISIONS, m.decision)}${m.decidedOn ? `（${formatCalendarDate(m.decidedOn)}）` : ''}${extra ? `：${extra}` : ''}`;
}

function Facts({ m }: { m: MatterView }) {
  return (
    <SimpleGrid cols={{ base: 3, xl: 4 }} spacing="sm" verticalSpacing="xs">
      <Fact label="内容分类">{categoryLabel(m.category)}</Fact>
      <Fact label="事项性质">{m.kind ? labelOf(MATTER_KINDS, m.kind) : '未分类'}</Fact>
      <Fact label="问题属地">{m.locationArea}</Fact>
      <Fact label="登记日期">{formatCalendarDate(m.receivedOn)}</Fact>
      <Fact label="首办机关 / 经办人">{[m.receivedOrgan, m.receivedByName].filter(Boolean).join(' · ')}</Fact>
      <Fact label="处理决定">{decisionText(m)}</Fact>
      <Fact label="责任单位">{m.unit}</Fact>
      <Fact label="办理期限">
        {m.handleDue ? `${formatCalendarDate(m.handleDue)}${m.extensionDays ? `（已延期${m.extensionDays}日）` : ''}` : ''}
      </Fact>
      {m.extensionDays !== null && <Fact label="延期理由 / 批准人">{`${m.extensionReason} / ${m.extensionApprover}`}</Fact>}
      <Fact label="包案领导">
        {m.leadLeaderName && `${m.leadLeaderName}${m.resolution ? `（${m.resolution === 'resolved' ? '已化解' : '未化解'}）` : ''}`}
      </Fact>
      <Fact label="督办">
        {m.supervisionCount > 0 && `${m.supervisionCount} 次${m.superviseDue ? `，限 ${formatCalendarDate(m.superviseDue)}` : ''}`}
      </Fact>
      <Fact label="评价">
        {m.evaluation && `${labelOf(EVALUATIONS, m.evaluation)}${m.evaluationVia ? `（${labelOf(EVALUATION_VIA, m.evaluationVia)}）` : ''}`}
      </Fact>
    </SimpleGrid>
  );
}

function Clocks({ m }: { m: MatterView }) {
  if (m.clocks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        没有正在计算的期限
      </Text>
    );
  return (
    <Group gap="sm" aria-label="期限">
      {m.clocks.map((c) => (
        <Paper key={c.clock} withBorder px="sm" py={6} bg={c.state === 'overdue' ? 'red.0' : c.state === 'ok' ? undefined : 'orange.0'}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {clockLabel(c.clock)}
            </Text>
            <Text size="sm">{formatCalendarDate(c.due)}前</Text>
            <Badge color={DUE_MARK[c.state].color} variant={c.state === 'ok' ? 'light' : 'filled'}>
              {dueText(c.state, c.daysLeft)}
            </Badge>
          </Group>
        </Paper>
      ))}
    </Group>
  );
}

export function MatterPage({ matterId }: { matterId: string }) {
  const { user } = useAuth();
  const { data: m, error } = useQuery(
    'matters.get',
    { matterId },
    {
      invalidatedBy: [{ event: 'matters.changed', when: (p) => p.matterId === matterId || p.matterId === '' }],
      errorTitle: '无法打开信访事项',
    },
  );
  const [open, setOpen] = useState<MatterAction | null>(null);
  const actions = m && m.id === matterId ? m.actions.filter((a) => mayTakeAction(user.role, a)) : [];
  // [] = also from inside fields; not while a dialog is open (its own keys rule there).
  useHotkeys(
    actions.map((a) => [ACTION_KEYS[a], () => open === null && setOpen(a)]),
    [],
  );

  if (!m || m.id !== matterId)
    return error ? (
      <Alert color="red" title="无法打开信访事项">
        该事项不存在或无权查看。
      </Alert>
    ) : null;
  const ended = endedNotice(m.state);
  return (
    <Stack gap="sm">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Group gap="xs">
                <Title order={3}>{m.name} · 信访事项</Title>
                <Badge size="xl" color={STATE_COLOR[m.state]} aria-label="事项状态">
                  {stateLabel(m.state)}
                </Badge>
              </Group>
              <Text mt={4} size="lg">
                {m.summary}
              </Text>
            </div>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              第 {m.version} 版
            </Text>
          </Group>
          {ended && (
            <Alert color="red" variant="filled" py={6}>
              {ended}
            </Alert>
          )}
          <Facts m={m} />
          <Clocks m={m} />
        </Stack>
      </Paper>
      <Paper withBorder p="sm">
        <Group gap="xs" aria-label="可办理的操作">
          {actions.map((a) => (
            <Button key={a} variant={a === actions[0] ? 'filled' : 'light'} onClick={() => setOpen(a)}>
              {ACTION_BUTTON[a]}
              <Kbd ml={8} size="sm">
                {keyText(ACTION_KEYS[a])}
              </Kbd>
            </Button>
          ))}
          {actions.length === 0 && (
            <Text size="sm" c="dimmed">
              该事项当前没有可办理的操作
            </Text>
          )}
        </Group>
      </Paper>
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Paper withBorder p="sm">
            <Title order={5} mb="xs">
              办理过程
            </Title>
            <MatterTimeline events={m.events} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Stack gap="sm">
            <Paper withBorder p="sm" aria-label="来访记录">
              <Title order={5} mb="xs">
                来访记录（{m.visits.length} 次）
              </Title>
              {m.visits.map((v) => (
                <Text size="sm" key={v.id}>
                  {formatCalendarDate(v.visitDate)} · {v.visitNo} · {kindLabel(v.kind)}
                  {v.peopleCount > 1 ? ` · ${v.peopleCount}人` : ''}
                </Text>
              ))}
            </Paper>
            <MatterPapers m={m} />
            <Anchor href="#/due" size="sm">
              返回期限提醒
            </Anchor>
          </Stack>
        </Grid.Col>
      </Grid>
      {open && <MatterActionDialog key={open} action={open} matter={m} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
