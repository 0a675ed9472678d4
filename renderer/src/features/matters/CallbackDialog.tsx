// 回访: whom the bureau phoned or visited, what they said, and their evaluation if they gave one.
import { Grid, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { EVALUATIONS } from '@shared/domain/matter';
import { hallDate } from '@shared/time';
import { selectData } from '@lib/labels';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function CallbackDialog({ matter, onClose, onDone }: ActDialogProps) {
  const form = useForm({ initialValues: { on: hallDate(), contact: matter.name, evaluation: '', summary: '' } });
  return (
    <ActDialog
      matter={matter}
      action="callback"
      form={form}
      onClose={onClose}
      onDone={onDone}
      toInput={(x) => ({ action: 'callback', contact: x.contact, summary: x.summary, evaluation: x.evaluation || null })}
    >
      <Grid gutter="sm">
        <Grid.Col span={6}>
          <TextInput label="回访对象" withAsterisk data-autofocus {...form.getInputProps('contact')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <NativeSelect
            label="评价（可不填）"
            data={[{ value: '', label: '未评价' }, ...selectData(EVALUATIONS)]}
            {...form.getInputProps('evaluation')}
          />
        </Grid.Col>
      </Grid>
      <Textarea label="回访情况" withAsterisk autosize minRows={3} {...form.getInputProps('summary')} />
    </ActDialog>
  );
}
