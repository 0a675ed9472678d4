// 送达: which printed paper of this matter reached the visitor, and how. A
// written answer delivered (告知书, 处理意见书) closes the 15-day clock.
import { Grid, NativeSelect, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DELIVERY_METHODS } from '@shared/domain/matter';
import { formatDateTime, hallDate } from '@shared/time';
import { selectData } from '@lib/labels';
import { useQuery } from '@lib/use-query';
import { ActDialog, type ActDialogProps } from './ActDialog';
import { paperLabel } from '../printing/PapersPanel';

export function DeliverDialog({ matter, onClose, onDone }: ActDialogProps) {
  const { data: jobs } = useQuery('print.log', { refId: matter.id }, { invalidatedBy: ['matters.changed'] });
  const printed = (jobs ?? []).filter((j) => j.status !== 'failed');
  const form = useForm({ initialValues: { on: hallDate(), printJobId: '', method: 'in_person', reason: '' } });
  return (
    <ActDialog
      matter={matter}
      action="deliver"
      form={form}
      onClose={onClose}
      onDone={onDone}
      toInput={(x) => ({ action: 'deliver', printJobId: x.printJobId, method: x.method, reason: x.reason })}
    >
      {jobs && printed.length === 0 && <Text c="red">该事项还没有打印的文书，请先打印再登记送达。</Text>}
      <Grid gutter="sm">
        <Grid.Col span={7}>
          <NativeSelect
            label="送达的文书"
            withAsterisk
            data-autofocus
            data={[
              { value: '', label: '请选择', disabled: true },
              ...printed.map((j) => ({
                value: j.id,
                label: `${paperLabel(j.template, matter)}（${formatDateTime(j.at)}${j.reprint ? '，补打' : ''}）`,
              })),
            ]}
            {...form.getInputProps('printJobId')}
          />
        </Grid.Col>
        <Grid.Col span={5}>
          <NativeSelect label="送达方式" withAsterisk data={selectData(DELIVERY_METHODS)} {...form.getInputProps('method')} />
        </Grid.Col>
      </Grid>
      <TextInput label="备注（可不填）" {...form.getInputProps('reason')} />
    </ActDialog>
  );
}
