// 接待窗口 dialog (叫号设置): a desk's number, name, the lanes it serves and whether it is in use.
import { Checkbox, Modal, MultiSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { saveDeskInput, type LaneView } from '@shared/api/schemas/queue';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { DialogActions, useApiSubmit } from '@lib/forms';
import { notifySuccess } from '@lib/notify';

export type DeskForm = { id: string | null; number: number | string; name: string; laneIds: string[]; active: boolean };
/** Mounted for one desk at a time (keyed by the caller), so the form starts from that desk. */
export function DeskDialog({ desk, lanes, onClose }: { desk: DeskForm; lanes: LaneView[]; onClose: () => void }) {
  const form = useForm<DeskForm>({
    initialValues: desk,
    validate: (v) => zodErrors(saveDeskInput, v),
  });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    await call('queue.saveDesk', { ...v, number: Number(v.number) });
    notifySuccess('窗口已保存');
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={desk.id ? '编辑窗口' : '添加窗口'}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <NumberInput label="窗口号" min={1} max={99} data-autofocus {...form.getInputProps('number')} />
          <TextInput label="名称" placeholder="如 4号窗口" {...form.getInputProps('name')} />
          <MultiSelect
            label="服务的队列"
            data={lanes.map((l) => ({ value: l.id, label: `${l.prefix} ${l.name}` }))}
            {...form.getInputProps('laneIds')}
          />
          <Checkbox label="启用" {...form.getInputProps('active', { type: 'checkbox' })} />
          <DialogActions busy={busy} label="保存" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
