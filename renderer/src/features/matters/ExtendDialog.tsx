// 延期: once, at most 30 days, approved, and the reason told to the visitor (延期告知书).
import { Grid, NumberInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatCalendarDate, hallDate } from '@shared/time';
import { selectOnFocus } from '@lib/select-on-focus';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function ExtendDialog({ matter, onClose, onDone }: ActDialogProps) {
  const form = useForm({ initialValues: { on: hallDate(), days: 30 as number | string, reason: '', approver: '' } });
  return (
    <ActDialog
      matter={matter}
      action="extend"
      form={form}
      onClose={onClose}
      onDone={onDone}
      confirm={() => '办理期限只能延长一次。'}
      toInput={(x) => ({
        action: 'extend',
        days: typeof x.days === 'number' ? x.days : Number(x.days) || 0,
        reason: x.reason,
        approver: x.approver,
      })}
    >
      <Text size="sm">
        现办理期限：{matter.handleDue ? formatCalendarDate(matter.handleDue) : '—'}
        。只能延长一次，最多30日（遇节假日顺延），须将延期理由告知来访人。
      </Text>
      <Grid gutter="sm">
        <Grid.Col span={3}>
          <NumberInput
            label="延期天数"
            withAsterisk
            data-autofocus
            min={1}
            max={30}
            allowDecimal={false}
            suffix=" 天"
            {...form.getInputProps('days')}
            onFocus={selectOnFocus}
          />
        </Grid.Col>
        <Grid.Col span={9}>
          <TextInput label="延期理由（将告知来访人）" withAsterisk {...form.getInputProps('reason')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label="批准人" withAsterisk {...form.getInputProps('approver')} />
        </Grid.Col>
      </Grid>
    </ActDialog>
  );
}
