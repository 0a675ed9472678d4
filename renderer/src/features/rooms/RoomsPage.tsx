// 房间设置 (administrator): the hall's 接谈室, where a leader receives visitors,
// and 候谈室, where they wait; how many people each holds and when it is open.
import { Badge, Button, Group, Modal, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { labelOf } from '@shared/domain/categories';
import { ROOM_KINDS, type RoomKind } from '@shared/domain/reception';
import { useQuery } from '@lib/use-query';
import { NEW_ROOM, RoomFormBody, type RoomForm } from './RoomFormBody';

const roomKindLabel = (k: RoomKind) => labelOf(ROOM_KINDS, k);

export function RoomsPage() {
  const { data: rooms, reload: load } = useQuery(
    'rooms.list',
    {},
    {
      invalidatedBy: [{ event: 'reception.changed', when: (p) => p.date === null }],
      errorTitle: '无法读取房间',
    },
  );
  // The dialog keeps its last room while it fades out; `n` gives each opening a fresh form.
  const [editing, setEditing] = useState<{ room: RoomForm; n: number } | null>(null);
  const [opened, setOpened] = useState(false);
  const edit = (room: RoomForm) => {
    setEditing((e) => ({ room, n: (e?.n ?? 0) + 1 }));
    setOpened(true);
  };
  const close = () => setOpened(false);

  return (
    <Paper withBorder p="md" maw={1000}>
      <Group justify="space-between" mb="xs">
        <Title order={3}>房间设置</Title>
        <Button onClick={() => edit({ ...NEW_ROOM })}>添加房间</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        接谈室用于领导接访，接访安排只能排在启用的接谈室、开放时间之内；候谈室供来访人等候。
      </Text>
      <Table striped highlightOnHover aria-label="房间列表" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>房间号</Table.Th>
            <Table.Th>名称</Table.Th>
            <Table.Th>类型</Table.Th>
            <Table.Th>容纳人数</Table.Th>
            <Table.Th>开放时间</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rooms ?? []).map((r) => (
            <Table.Tr key={r.id} c={r.active ? undefined : 'dimmed'}>
              <Table.Td fw={700}>{r.number}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.kind === 'talk' ? 'blue' : 'grape'}>
                  {roomKindLabel(r.kind)}
                </Badge>
              </Table.Td>
              <Table.Td>{r.capacity}人</Table.Td>
              <Table.Td>
                {r.openFrom}–{r.openTo}
              </Table.Td>
              <Table.Td>{r.active ? <Badge color="teal">启用</Badge> : <Badge color="gray">停用</Badge>}</Table.Td>
              <Table.Td ta="right">
                <Button size="compact-sm" variant="subtle" aria-label={`编辑 ${r.name}`} onClick={() => edit({ ...r })}>
                  编辑
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rooms?.length === 0 && (
        <Text c="dimmed" mt="sm">
          尚未设置房间
        </Text>
      )}
      <Modal opened={opened} onClose={close} title={editing?.room.id ? `编辑房间：${editing.room.name}` : '添加房间'}>
        {editing && <RoomFormBody key={editing.n} initial={editing.room} onClose={close} onSaved={load} />}
      </Modal>
    </Paper>
  );
}
