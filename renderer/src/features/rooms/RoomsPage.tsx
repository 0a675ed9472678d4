// 房间设置 (administrator): the hall's 接谈室, where a leader receives visitors,
// and 候谈室, where they wait; how many people each holds and when it is open.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { InputOf } from '@shared/api/contract';
import { saveRoomInput } from '@shared/api/schemas/reception';
import { labelOf } from '@shared/domain/categories';
import { ROOM_KINDS, type RoomKind } from '@shared/domain/reception';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { DialogActions, useApiSubmit } from '@lib/forms';
import { normalizeClock } from '@lib/clock';
import { dialogKeys } from '@lib/keyboard';
import { KeysHint } from '@lib/KeysHint';
import { selectData } from '@lib/labels';
import { notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';

export const roomKindLabel = (k: RoomKind) => labelOf(ROOM_KINDS, k);

type RoomForm = {
  id: string | null;
  number: number | string;
  name: string;
  kind: RoomKind;
  capacity: number | string;
  openFrom: string;
  openTo: string;
  active: boolean;
};
const NEW_ROOM: RoomForm = { id: null, number: '', name: '', kind: 'talk', capacity: '', openFrom: '08:30', openTo: '17:30', active: true };

const asNumber = (v: number | string) => (v === '' ? undefined : Number(v));
const toInput = (v: RoomForm) => ({
  ...v,
  number: asNumber(v.number),
  capacity: asNumber(v.capacity),
  openFrom: normalizeClock(v.openFrom),
  openTo: normalizeClock(v.openTo),
});

function RoomFormBody({ initial, onClose, onSaved }: { initial: RoomForm; onClose: () => void; onSaved: () => void }) {
  const form = useForm<RoomForm>({
    initialValues: initial,
    validate: (v) => {
      const errors = zodErrors(saveRoomInput, toInput(v));
      if (v.number === '') errors.number = '请填写房间号';
      return errors;
    },
  });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    const saved = await call('rooms.save', toInput(v) as InputOf<'rooms.save'>);
    notifySuccess(`${saved.name}已保存`);
    onSaved();
    onClose();
  });
  const clock = (field: 'openFrom' | 'openTo') => ({
    ...form.getInputProps(field),
    onBlur: () => form.setFieldValue(field, normalizeClock(form.values[field])),
  });
  return (
    <form onSubmit={onSubmit} onKeyDown={dialogKeys} noValidate>
      <Stack>
        <Group grow align="flex-start">
          <NumberInput label="房间号" min={1} max={99} allowDecimal={false} data-autofocus {...form.getInputProps('number')} />
          <NativeSelect label="类型" data={selectData(ROOM_KINDS)} {...form.getInputProps('kind')} />
        </Group>
        <TextInput label="名称" placeholder="如 3号接谈室" {...form.getInputProps('name')} />
        <NumberInput
          label="容纳人数"
          description="同时进入该房间的人数上限"
          min={1}
          max={200}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
        <Group grow align="flex-start">
          <TextInput label="开放时间" placeholder="08:30" {...clock('openFrom')} />
          <TextInput label="关闭时间" placeholder="17:30" {...clock('openTo')} />
        </Group>
        <Checkbox label="启用" description="停用的房间不能再安排接访" {...form.getInputProps('active', { type: 'checkbox' })} />
        <Group justify="space-between">
          <KeysHint />
          <DialogActions busy={busy} label="保存" onCancel={onClose} />
        </Group>
      </Stack>
    </form>
  );
}

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
