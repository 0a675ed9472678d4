// 申请复查 / 申请复核: the visitor's request, within 30 days of the opinion it answers.
import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatCalendarDate, hallDate } from '@shared/time';
import { ActDialog, type ActDialogProps } from './ActDialog';

export function RequestDialog({ matter, onClose, onDone, action }: ActDialogProps & { action: 'request_review' | 'request_recheck' }) {
  const form = useForm({ initialValues: { on: hallDate(), reason: '' } });
  const review = action === 'request_review';
  const from = review ? matter.opinionOn : matter.reviewDecidedOn;
  return (
    <ActDialog
      matter={matter}
      action={action}
      form={form}
      onClose={onClose}
      onDone={onDone}
      toInput={(x) => ({ action, reason: x.reason })}
    >
      <Text size="sm">
        {review ? '处理意见书' : '复查意见书'}日期：{from ? formatCalendarDate(from) : '—'}，应在其后30日内申请；日期填收到申请之日。
      </Text>
      <Textarea
        label={review ? '复查请求' : '复核请求'}
        withAsterisk
        data-autofocus
        autosize
        minRows={3}
        {...form.getInputProps('reason')}
      />
    </ActDialog>
  );
}
