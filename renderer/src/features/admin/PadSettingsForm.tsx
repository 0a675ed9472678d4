// 评价器's settings: how long a question waits for an answer, and the bureau's words on the idle pad.
import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { padSettingsInput, type PadSettings } from '@shared/api/schemas/pads';
import { PAD_TIMEOUT_RANGE } from '@shared/domain/pad';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { useApiSubmit } from '@lib/forms';
import { notifySuccess } from '@lib/notify';

export function PadSettingsForm({ initial }: { initial: PadSettings }) {
  const form = useForm<PadSettings>({ initialValues: initial, validate: (v) => zodErrors(padSettingsInput, v) });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    form.setValues(await call('pads.saveSettings', v));
    form.resetDirty();
    notifySuccess('评价器设置已保存，下一位来访人起生效');
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <NumberInput
          label="等待评价的时间（秒）"
          description="办结后评价器等待来访人作答的时间，超时计为未参评"
          min={PAD_TIMEOUT_RANGE.min}
          max={PAD_TIMEOUT_RANGE.max}
          w={320}
          {...form.getInputProps('timeoutSeconds')}
        />
        <TextInput label="评价器提示语" description="评价器空闲时显示" maxLength={60} {...form.getInputProps('words')} />
        <Group>
          <Button type="submit" loading={busy}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
