// The room dialog's form (房间设置): number, kind, name, capacity, open hours.
import { Checkbox, Group, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { InputOf } from '@shared/api/contract';
import { saveRoomInput } from '@shared/api/schemas/reception';
import { ROOM_KINDS, type RoomKind } from '@shared/domain/reception';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { DialogActions, useApiSubmit } from '@lib/forms';
import { normalizeClock } from '@lib/clock';
import { dialogKeys } from '@lib/keyboard';
import { KeysHint } from '@lib/KeysHint';
import { selectData } from '@lib/labels';
import { notifySuccess } from '@lib/notify';

export type RoomForm = {
  id: string | null;
  number: number | string;
  name: string;
  kind: RoomKind;
  capacity: number | string;
  openFrom: string;
  openTo: string;
  active: boolean;
};
export const NEW_ROOM: RoomForm = {
  id: null,
  number: '',
  name: '',
  kind: 'talk',
  capacity: '',
  openFrom: '08:30',
  openTo: '17:30',
  active: true,
};

const asNumber = (v: number | string) => (v === '' ? undefined : Number(v));
const toInput = (v: RoomForm) => ({
  ...v,
  number: asNumber(v.number),
  capacity: asNumber(v.capacity),
  openFrom: normalizeClock(v.openFrom),
  openTo: normalizeClock(v.openTo),
});

export function RoomFormBody({ initial, onClose, onSaved }: { initial: RoomForm; onClose: () => void; onSaved: () => void }) {
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
