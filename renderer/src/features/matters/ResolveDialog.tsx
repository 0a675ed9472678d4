// 化解情况: the lead leader records whether the matter was resolved (包案化解).
import { SegmentedControl, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { hallDate } from '@shared/time';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function ResolveDialog({ matter, onClose, onDone }: ActDialogProps) {
  const form = useForm({ initialValues: { on: hallDate(), resolution: matter.resolution ?? 'resolved', reason: '' } });
  return (
    <ActDialog
      matter={matter}
      action="resolve"
      form={form}
      onClose={onClose}
      onDone={onDone}
      toInput={(x) => ({ action: 'resolve', resolution: x.resolution, reason: x.reason })}
    >
      {!matter.leadLeaderId && <Text c="red">该事项尚无包案领导，请先包案。</Text>}
      <SegmentedControl
        data-autofocus
        aria-label="化解情况"
        data={[
          { value: 'resolved', label: '已化解' },
          { value: 'unresolved', label: '未化解' },
        ]}
        {...form.getInputProps('resolution')}
      />
      <Textarea label="化解情况说明" withAsterisk autosize minRows={3} {...form.getInputProps('reason')} />
    </ActDialog>
  );
}
