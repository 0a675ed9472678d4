// 听证: days of a hearing, not counted in the review / re-review answer period.
import { Grid, NumberInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { selectOnFocus } from '@lib/select-on-focus';
import { hallDate } from '@shared/time';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function PauseDialog({ matter, onClose, onDone }: ActDialogProps) {
  const form = useForm({ initialValues: { on: hallDate(), days: 10 as number | string, reason: '' } });
  return (
    <ActDialog
      matter={matter}
      action="pause"
      form={form}
      onClose={onClose}
      onDone={onDone}
      toInput={(x) => ({ action: 'pause', days: typeof x.days === 'number' ? x.days : Number(x.days) || 0, reason: x.reason })}
    >
      <Grid gutter="sm">
        <Grid.Col span={3}>
          <NumberInput
            label="听证天数"
            withAsterisk
            data-autofocus
            min={1}
            max={90}
            allowDecimal={false}
            suffix=" 天"
            {...form.getInputProps('days')}
            onFocus={selectOnFocus}
          />
        </Grid.Col>
        <Grid.Col span={9}>
          <TextInput label="听证情况" withAsterisk {...form.getInputProps('reason')} />
        </Grid.Col>
      </Grid>
    </ActDialog>
  );
}
