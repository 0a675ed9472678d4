// 督办: a leader presses the responsible unit, with a date to answer by.
import { Grid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { addDays } from '@shared/domain/deadlines';
import { hallDate } from '@shared/time';
import { HallDateInput } from '@lib/HallDateInput';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function SuperviseDialog({ matter, onClose, onDone }: ActDialogProps) {
  const form = useForm({ initialValues: { on: hallDate(), unit: matter.unit, due: addDays(hallDate(), 7), reason: '' } });
  return (
    <ActDialog
      matter={matter}
      action="supervise"
      form={form}
      onClose={onClose}
      onDone={onDone}
      toInput={(x) => ({ action: 'supervise', unit: x.unit, due: x.due, reason: x.reason })}
    >
      {matter.supervisionCount > 0 && <Text size="sm">已督办 {matter.supervisionCount} 次。</Text>}
      <Grid gutter="sm">
        <Grid.Col span={7}>
          <TextInput label="督办单位" withAsterisk data-autofocus {...form.getInputProps('unit')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <HallDateInput
            label="督办期限"
            value={form.values.due}
            onChange={(d) => form.setFieldValue('due', d)}
            error={form.errors.due as string}
          />
        </Grid.Col>
      </Grid>
      <TextInput label="督办事由" withAsterisk {...form.getInputProps('reason')} />
    </ActDialog>
  );
}
