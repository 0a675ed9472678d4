// 评价: the visitor's satisfaction, and how it was given (for the 三率).
import { Grid, NativeSelect, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { EVALUATION_VIA, EVALUATIONS } from '@shared/domain/matter';
import { hallDate } from '@shared/time';
import { selectData } from '@lib/labels';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function EvaluateDialog({ matter, onClose, onDone }: ActDialogProps) {
  const form = useForm({ initialValues: { on: hallDate(), evaluation: '', via: 'in_person', reason: '' } });
  return (
    <ActDialog
      matter={matter}
      action="evaluate"
      form={form}
      onClose={onClose}
      onDone={onDone}
      toInput={(x) => ({ action: 'evaluate', evaluation: x.evaluation, via: x.via, reason: x.reason })}
    >
      <Grid gutter="sm">
        <Grid.Col span={6}>
          <NativeSelect
            label="评价"
            withAsterisk
            data-autofocus
            data={selectData(EVALUATIONS, '请选择')}
            {...form.getInputProps('evaluation')}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <NativeSelect label="评价方式" withAsterisk data={selectData(EVALUATION_VIA)} {...form.getInputProps('via')} />
        </Grid.Col>
      </Grid>
      {form.values.evaluation === 'unsatisfied' && <TextInput label="不满意的原因" {...form.getInputProps('reason')} />}
    </ActDialog>
  );
}
