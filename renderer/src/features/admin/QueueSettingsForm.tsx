// 叫号设置's rules form: the call order, no-show, day end, what the display shows and says.
import { Button, Group, NativeSelect, NumberInput, Radio, Slider, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { queueSettingsInput, type QueueSettings } from '@shared/api/schemas/queue';
import { ORDER_RULE_LABELS } from '@shared/domain/queue';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { useApiSubmit } from '@lib/forms';
import { notifySuccess } from '@lib/notify';
import { VoiceTest } from './VoiceTest';

export function QueueSettingsForm({ initial }: { initial: QueueSettings }) {
  const form = useForm<QueueSettings>({ initialValues: initial, validate: (v) => zodErrors(queueSettingsInput, v) });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    form.setValues(await call('queue.saveSettings', v));
    form.resetDirty();
    notifySuccess('叫号设置已保存，各窗口即时生效');
  });
  const rule = form.values.orderRule;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Radio.Group
          label="叫号顺序"
          value={rule.kind}
          onChange={(k) =>
            form.setFieldValue('orderRule', k === 'ratio' ? { kind: 'ratio', ordinary: 2, priority: 1 } : { kind: 'strict_priority' })
          }
        >
          <Stack gap={6} mt={6}>
            <Radio value="strict_priority" label={ORDER_RULE_LABELS.strict_priority} />
            <Radio value="ratio" label={ORDER_RULE_LABELS.ratio} />
          </Stack>
        </Radio.Group>
        {rule.kind === 'ratio' && (
          <Group>
            <NumberInput label="普通号" min={1} max={10} w={120} {...form.getInputProps('orderRule.ordinary')} />
            <Text mt={24}>:</Text>
            <NumberInput label="优先号" min={1} max={10} w={120} {...form.getInputProps('orderRule.priority')} />
          </Group>
        )}
        <Text size="xs" c="dimmed">
          已签到的约访号到预约时间优先叫；同等情况按取号先后。
        </Text>
        <NumberInput label="呼叫几次后可过号" min={1} max={5} w={220} {...form.getInputProps('noShowAfterCalls')} />
        <NativeSelect
          label="日终未叫的号"
          w={320}
          data={[
            { value: 'close', label: '关闭（次日重新取号）' },
            { value: 'carry', label: '顺延到次日早上（按原顺序重新编号）' },
          ]}
          {...form.getInputProps('dayEnd')}
        />
        <NativeSelect
          label="叫号屏上的姓名"
          w={320}
          data={[
            { value: 'masked', label: '显示脱敏姓名（如 张*丰）' },
            { value: 'hidden', label: '不显示姓名' },
          ]}
          {...form.getInputProps('displayNames')}
        />
        <Textarea label="叫号屏滚动通知" autosize minRows={2} {...form.getInputProps('notice')} />
        <Switch label="语音播报" {...form.getInputProps('voiceEnabled', { type: 'checkbox' })} />
        <Stack gap={4}>
          <Text size="sm">音量</Text>
          <Slider
            min={0}
            max={1}
            step={0.05}
            label={(v) => `${Math.round(v * 100)}%`}
            // The thumb is what a screen reader reaches: its name, and the value as the clerk reads it (60%, not 0.6).
            thumbLabel="音量"
            thumbProps={{ 'aria-valuetext': `${Math.round(form.values.voiceVolume * 100)}%` }}
            disabled={!form.values.voiceEnabled}
            {...form.getInputProps('voiceVolume')}
          />
        </Stack>
        <VoiceTest volume={form.values.voiceVolume} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!form.isDirty()}>
            保存叫号设置
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
