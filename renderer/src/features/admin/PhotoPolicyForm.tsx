// 身份证照片 (the hall's policy, for every PC): whether card photos are kept, and for how long.
import { Button, Group, NumberInput, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { cardPhotoPolicyInput, type CardPhotoPolicy } from '@shared/api/schemas/reader';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { useApiSubmit } from '@lib/forms';
import { notifySuccess } from '@lib/notify';

export function PhotoPolicyForm({ initial }: { initial: CardPhotoPolicy }) {
  const form = useForm<CardPhotoPolicy>({ initialValues: initial, validate: (v) => zodErrors(cardPhotoPolicyInput, v) });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    form.setValues(await call('reader.savePhotoPolicy', v));
    form.resetDirty();
    notifySuccess('身份证照片设置已保存');
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="身份证照片设置">
      <Stack>
        <Switch
          label="保存身份证照片"
          description="默认关闭：照片只在登记时显示供当面核对，不保存（最小必要）。开启后读卡时保存照片并关联到来访人，登记窗口的来访历史中可见（接访领导不可见）；保存、查看、删除均记入审计日志"
          {...form.getInputProps('storePhoto', { type: 'checkbox' })}
        />
        <NumberInput
          label="照片保存天数"
          description="自最近一次读卡起计算，期满自动删除；缩短后立即删除超期照片"
          min={1}
          max={3650}
          w={440}
          {...form.getInputProps('retentionDays')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!form.isDirty()}>
            保存照片设置
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
