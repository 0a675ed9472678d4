// 有权机关受理: the organ the matter was forwarded to accepted it; the 60-day clock starts.
import { Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { hallDate } from '@shared/time';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function UnitAcceptDialog({ matter, onClose, onDone }: ActDialogProps) {
  const form = useForm({ initialValues: { on: hallDate(), unit: matter.unit } });
  return (
    <ActDialog
      matter={matter}
      action="unit_accept"
      form={form}
      onClose={onClose}
      onDone={onDone}
      toInput={(x) => ({ action: 'unit_accept', unit: x.unit })}
    >
      <Text size="sm">受理之日起60日内办结；日期填有权机关受理之日。</Text>
      <TextInput label="受理单位" withAsterisk data-autofocus {...form.getInputProps('unit')} />
    </ActDialog>
  );
}
