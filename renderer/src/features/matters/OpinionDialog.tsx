// 处理意见书 / 复查意见书 / 复核意见书: the four parts of the written opinion.
// One dialog for the three acts that write one (办结, 复查意见, 复核意见).
import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { hallDate } from '@shared/time';
import { ActDialog, type ActDialogProps } from './ActDialog';

const WHAT = {
  conclude: { paper: '处理意见书', note: '办结后来访人可在收到处理意见书之日起30日内申请复查。' },
  decide_review: { paper: '复查意见书', note: '来访人可在收到复查意见书之日起30日内申请复核。' },
  decide_recheck: { paper: '复核意见书', note: '复核意见作出后该事项终结，同一事项不再受理。' },
} as const;

export function OpinionDialog({ matter, onClose, onDone, action }: ActDialogProps & { action: keyof typeof WHAT }) {
  const form = useForm({ initialValues: { on: hallDate(), opinion: { facts: '', reasons: '', decision: '', basis: '' } } });
  const { paper, note } = WHAT[action];
  return (
    <ActDialog
      matter={matter}
      action={action}
      form={form}
      size="xl"
      onClose={onClose}
      onDone={onDone}
      confirm={action === 'decide_recheck' ? () => '复核意见作出后该事项即终结。' : undefined}
      toInput={(x) => ({ action, opinion: x.opinion })}
    >
      <Text size="sm">
        {paper}：{note}
      </Text>
      <Textarea label="查明的事实" withAsterisk data-autofocus autosize minRows={3} maxRows={8} {...form.getInputProps('opinion.facts')} />
      <Textarea label="理由" withAsterisk autosize minRows={2} maxRows={6} {...form.getInputProps('opinion.reasons')} />
      <Textarea label="处理意见" withAsterisk autosize minRows={2} maxRows={6} {...form.getInputProps('opinion.decision')} />
      <Textarea label="依据（法律、法规、政策）" autosize minRows={1} maxRows={4} {...form.getInputProps('opinion.basis')} />
    </ActDialog>
  );
}
