// 退回（异议）: the unit objects, within 5 working days, that the matter is not theirs; it comes back undecided.
import { Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { hallDate } from '@shared/time';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function ReturnDialog({ matter, onClose, onDone }: ActDialogProps) {
  const form = useForm({ initialValues: { on: hallDate(), unit: matter.unit, reason: '' } });
  return (
    <ActDialog
      matter={matter}
      action="return"
      form={form}
      onClose={onClose}
      onDone={onDone}
      confirm={() => '退回后事项回到待处理，须重新作出处理决定。'}
      toInput={(x) => ({ action: 'return', unit: x.unit, reason: x.reason })}
    >
      <Text size="sm">承办单位认为交办、转送有误的，应在5个工作日内提出异议。</Text>
      <TextInput label="退回单位" withAsterisk data-autofocus {...form.getInputProps('unit')} />
      <TextInput label="退回理由" withAsterisk {...form.getInputProps('reason')} />
    </ActDialog>
  );
}
