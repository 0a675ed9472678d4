// 业务队列 dialog (叫号设置): a lane's letter, name, kind and whether it is in use.
import { Checkbox, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { saveLaneInput } from '@shared/api/schemas/queue';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { DialogActions, useApiSubmit } from '@lib/forms';
import { notifySuccess } from '@lib/notify';

export type LaneForm = { id: string | null; prefix: string; name: string; kind: 'normal' | 'appointment'; active: boolean };
/** Mounted for one lane at a time (keyed by the caller), so the form starts from that lane. */
export function LaneDialog({ lane, onClose }: { lane: LaneForm; onClose: () => void }) {
  const form = useForm<LaneForm>({
    initialValues: lane,
    validate: (v) => zodErrors(saveLaneInput, v),
  });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    await call('queue.saveLane', v);
    notifySuccess('队列已保存');
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={lane.id ? '编辑队列' : '添加队列'}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label="字母" description="号码前缀，如 A" maxLength={1} data-autofocus {...form.getInputProps('prefix')} />
          <TextInput label="名称" {...form.getInputProps('name')} />
          <NativeSelect
            label="类型"
            data={[
              { value: 'normal', label: '普通队列' },
              { value: 'appointment', label: '约访队列（取号时填预约时间）' },
            ]}
            {...form.getInputProps('kind')}
          />
          <Checkbox label="启用" {...form.getInputProps('active', { type: 'checkbox' })} />
          <DialogActions busy={busy} label="保存" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
