// 叫号设置 (administrator): the call-order rule, no-show, day end, what the
// display shows and says, and the lanes and desks of the hall.
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import type { DeskView } from '@shared/api/schemas/queue';
import { useQuery } from '@lib/use-query';
import { useQueueConfig } from '../queue/use-queue';
import { QueueSettingsForm } from './QueueSettingsForm';
import { LaneDialog, type LaneForm } from './LaneDialog';
import { DeskDialog, type DeskForm } from './DeskDialog';

export function QueueSettingsPage() {
  const { lanes, desks } = useQueueConfig();
  const settings = useQuery('queue.settings', {}).data;
  const [lane, setLane] = useState<LaneForm | null>(null);
  const [desk, setDesk] = useState<DeskForm | null>(null);
  const laneName = (id: string) => lanes.find((l) => l.id === id)?.prefix ?? '?';
  const editDesk = (d: DeskView) => setDesk({ id: d.id, number: d.number, name: d.name, laneIds: d.laneIds, active: d.active });
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }}>
      <Paper withBorder p="md">
        <Title order={3} mb="md">
          叫号设置
        </Title>
        {settings && <QueueSettingsForm initial={settings} />}
      </Paper>
      <Stack>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>业务队列</Title>
            <Button size="xs" onClick={() => setLane({ id: null, prefix: '', name: '', kind: 'normal', active: true })}>
              添加队列
            </Button>
          </Group>
          <Table aria-label="业务队列">
            <Table.Tbody>
              {lanes.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td fw={700}>{l.prefix}</Table.Td>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td>{l.kind === 'appointment' && <Badge color="grape">约访</Badge>}</Table.Td>
                  <Table.Td>{l.active ? <Badge color="teal">启用</Badge> : <Badge color="gray">停用</Badge>}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-sm" variant="subtle" onClick={() => setLane({ ...l })}>
                      编辑
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>接待窗口</Title>
            <Button size="xs" onClick={() => setDesk({ id: null, number: '', name: '', laneIds: [], active: true })}>
              添加窗口
            </Button>
          </Group>
          <Table aria-label="接待窗口">
            <Table.Tbody>
              {desks.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td fw={700}>{d.name}</Table.Td>
                  <Table.Td>服务：{d.laneIds.map(laneName).join(' ')}</Table.Td>
                  <Table.Td>
                    {!d.active ? (
                      <Badge color="gray">停用</Badge>
                    ) : d.paused ? (
                      <Badge color="yellow">暂停</Badge>
                    ) : (
                      <Badge color="teal">启用</Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-sm" variant="subtle" onClick={() => editDesk(d)}>
                      编辑
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
      {lane && <LaneDialog key={lane.id ?? 'new'} lane={lane} onClose={() => setLane(null)} />}
      {desk && <DeskDialog key={desk.id ?? 'new'} desk={desk} lanes={lanes} onClose={() => setDesk(null)} />}
    </SimpleGrid>
  );
}
