// 终结 by lapse: the review (or re-review) window passed with no request.
import { Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { hallDate } from '@shared/time';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function TerminateDialog({ matter, onClose, onDone }: ActDialogProps) {
  const form = useForm({ initialValues: { on: hallDate(), reason: '' } });
  return (
    <ActDialog
      matter={matter}
      action="terminate"
      form={form}
      onClose={onClose}
      onDone={onDone}
      confirm={() => '终结后同一事项依法不再受理，此操作不能撤销。'}
      toInput={(x) => ({ action: 'terminate', reason: x.reason })}
    >
      <Text size="sm">来访人在申请期限内未申请{matter.state === 'concluded' ? '复查' : '复核'}的，期满后可终结。</Text>
      <TextInput label="终结说明" withAsterisk data-autofocus {...form.getInputProps('reason')} />
    </ActDialog>
  );
}
