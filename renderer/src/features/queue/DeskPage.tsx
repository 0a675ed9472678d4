// 窗口叫号: one reception window. F5 next, F6 recall, F7 no-show, F8 transfer,
// F9 finish — shown on the buttons. The waiting line is in the order this
// desk will call it, and follows the hall through pushed events.
import { Alert, Badge, Button, Group, Kbd, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@shared/api/errors';
import type { TicketView } from '@shared/api/schemas/queue';
import { formatTime } from '@shared/time';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';
import { TicketBadges } from './TicketBadges';
import { DeskChooser } from './DeskChooser';
import { TransferDialog } from './TransferDialog';
import { OutOfOrderDialog } from './OutOfOrderDialog';
import { SideList } from './SideList';
import { useQueueConfig, useThisDesk } from './use-queue';

export function DeskPage() {
  const [deskId, setDeskId] = useThisDesk();
  const { lanes, desks } = useQueueConfig();
  // A call also sends queue.changed (and queue.called): one refetch per change.
  const {
    data: board,
    error,
    reload: load,
  } = useQuery(
    'queue.board',
    { deskId: deskId ?? '' },
    { enabled: deskId !== null, invalidatedBy: ['queue.changed'], errorTitle: '无法读取窗口队列' },
  );
  // Forget this machine's desk only when the desk itself is gone, not on a network blip.
  useEffect(() => {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') setDeskId(null);
  }, [error, setDeskId]);
  const [transferring, setTransferring] = useState<TicketView | null>(null);
  const [jumping, setJumping] = useState<TicketView | null>(null);
  const [walkInLane, setWalkInLane] = useState<string>('');

  // One action at a time: a double-pressed key must not act twice.
  const busy = useRef(false);
  const act = (fn: () => Promise<unknown>, title: string) => () => {
    if (busy.current) return;
    busy.current = true;
    void fn()
      .then(load, (e: unknown) => {
        notifyError(e, title);
        load();
      })
      .finally(() => {
        busy.current = false;
      });
  };
  const current = board?.current ?? null;
  const next = deskId
    ? act(async () => {
        const t = await call('queue.callNext', { deskId, expectedCurrentId: current?.id ?? null });
        if (!t) notifySuccess('当前没有等候的号', '无人等候');
      }, '叫号未完成')
    : () => undefined;
  const recall = deskId ? act(() => call('queue.recall', { deskId }), '重呼未完成') : () => undefined;
  const noShow = deskId ? act(() => call('queue.noShow', { deskId }), '不能过号') : () => undefined;
  const finish = deskId ? act(() => call('queue.finish', { deskId }), '办结未完成') : () => undefined;
  useHotkeys(
    [
      ['F5', next],
      ['F6', recall],
      ['F7', noShow],
      ['F8', () => current && setTransferring(current)],
      ['F9', finish],
    ],
    [],
  );

  if (!deskId) return <DeskChooser onChoose={setDeskId} />;
  if (!board) return null;
  const desk = board.desk;

  return (
    <Stack>
      {board.displayVoice.withoutChinese > 0 && (
        <Alert color="yellow" title="叫号屏无法播报中文语音" data-testid="display-voice-warning">
          {board.displayVoice.withoutChinese}{' '}
          台叫号屏所在电脑未安装中文语音，叫号时只响提示音、不读号。请在该电脑上安装中文（普通话）语音后重新打开叫号屏；可在 叫号设置 →
          语音测试 中试听。
        </Alert>
      )}
      <Group justify="space-between">
        <Group>
          <Title order={3}>{desk.name}</Title>
          {desk.paused ? <Badge color="gray">暂停接待</Badge> : <Badge color="teal">接待中</Badge>}
          <Text c="dimmed" size="sm">
            服务队列：
            {lanes
              .filter((l) => desk.laneIds.includes(l.id))
              .map((l) => `${l.prefix} ${l.name}`)
              .join('、')}
          </Text>
        </Group>
        <Group>
          <Button variant="default" onClick={act(() => call(desk.paused ? 'queue.resume' : 'queue.pause', { deskId }), '操作未完成')}>
            {desk.paused ? '恢复接待' : '暂停接待'}
          </Button>
          <Button variant="subtle" color="gray" onClick={() => setDeskId(null)}>
            更换窗口
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="lg" aria-label="当前接待">
          <Text c="dimmed" fw={600}>
            当前接待
          </Text>
          {current ? (
            <Stack gap={4} mt="xs">
              <Group align="baseline">
                <Text fz={64} fw={900} lh={1} data-testid="current-ticket">
                  {current.ticketNo}
                </Text>
                <Text size="lg">{current.laneName}</Text>
              </Group>
              <TicketBadges t={current} />
              <Text>
                {current.visitorName || '未关联登记'} · 叫号 {current.calledAt ? formatTime(current.calledAt) : ''} · 已呼{' '}
                {current.callCount} 次（满 {board.settings.noShowAfterCalls} 次可过号）
              </Text>
            </Stack>
          ) : (
            <Text size="xl" mt="md" c="dimmed">
              暂无，按 F5 叫下一位
            </Text>
          )}
          <Group mt="lg">
            <Button size="lg" onClick={next} disabled={desk.paused}>
              下一位 <Kbd ml={8}>F5</Kbd>
            </Button>
            <Button size="lg" variant="light" onClick={recall} disabled={!current}>
              重呼 <Kbd ml={8}>F6</Kbd>
            </Button>
            <Button size="lg" variant="light" color="orange" onClick={noShow} disabled={!current}>
              过号 <Kbd ml={8}>F7</Kbd>
            </Button>
            <Button size="lg" variant="light" color="grape" onClick={() => current && setTransferring(current)} disabled={!current}>
              转移 <Kbd ml={8}>F8</Kbd>
            </Button>
            <Button size="lg" variant="default" onClick={finish} disabled={!current}>
              办结 <Kbd ml={8}>F9</Kbd>
            </Button>
          </Group>
          <Group mt="md" align="flex-end">
            <NativeSelect
              label="无号接待"
              data={[
                { value: '', label: '选择队列', disabled: true },
                ...lanes.filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.prefix} ${l.name}` })),
              ]}
              value={walkInLane}
              onChange={(e) => setWalkInLane(e.currentTarget.value)}
            />
            <Button
              variant="default"
              disabled={!walkInLane || desk.paused}
              onClick={act(() => call('queue.serveWalkIn', { deskId, laneId: walkInLane }), '无号接待未完成')}
            >
              开始接待
            </Button>
          </Group>
        </Paper>

        <Paper withBorder p="lg">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>等候队列（按本窗口叫号顺序）</Text>
            <Badge size="lg">{board.waiting.length} 人</Badge>
          </Group>
          {board.waiting.length === 0 ? (
            <Text c="dimmed">无人等候</Text>
          ) : (
            <Table striped aria-label="等候队列">
              <Table.Tbody>
                {board.waiting.slice(0, 30).map((t, i) => (
                  <Table.Tr key={t.id}>
                    <Table.Td w={36} c="dimmed">
                      {i + 1}
                    </Table.Td>
                    <Table.Td fw={700}>{t.ticketNo}</Table.Td>
                    <Table.Td>{t.laneName}</Table.Td>
                    <Table.Td>
                      <TicketBadges t={t} />
                    </Table.Td>
                    <Table.Td>{formatTime(t.issuedAt)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end">
                        <Button size="compact-xs" variant="subtle" onClick={() => setJumping(t)}>
                          越号呼叫
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="gray"
                          onClick={act(() => call('queue.park', { ticketId: t.id }), '暂离未完成')}
                        >
                          暂离
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {board.waiting.length > 30 && (
            <Text c="dimmed" size="sm">
              另有 {board.waiting.length - 30} 人
            </Text>
          )}
        </Paper>
      </SimpleGrid>

      {(board.parked.length > 0 || board.noShows.length > 0) && (
        <SimpleGrid cols={2}>
          <SideList
            title="暂离（保留位置）"
            tickets={board.parked}
            action="回到队列"
            onAction={(t) => act(() => call('queue.unpark', { ticketId: t.id }), '操作未完成')()}
          />
          <SideList
            title="今日过号"
            tickets={board.noShows}
            action="重新排队"
            onAction={(t) => act(() => call('queue.requeue', { ticketId: t.id }), '操作未完成')()}
          />
        </SimpleGrid>
      )}
      {desk.paused && <Alert color="gray">本窗口已暂停接待，不会叫号。点击“恢复接待”继续。</Alert>}
      <TransferDialog ticket={transferring} lanes={lanes} desks={desks} onClose={() => setTransferring(null)} />
      <OutOfOrderDialog deskId={deskId} ticket={jumping} onClose={() => setJumping(null)} />
    </Stack>
  );
}
