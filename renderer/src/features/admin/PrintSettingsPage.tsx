// 单位与打印 (administrator): the bureau's name, address, phone and seal text
// printed on every slip, and the printer and paper for each slip.
import { Autocomplete, Button, Checkbox, Grid, Group, NativeSelect, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { bureauInput, PAPERS, printingInput, PRINT_SETTING_GROUPS, type Bureau, type PrintingSettings } from '@shared/api/schemas/printing';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { useApiSubmit } from '@lib/forms';
import { notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';

function BureauForm({ initial }: { initial: Bureau }) {
  const form = useForm<Bureau>({ initialValues: initial, validate: (v) => zodErrors(bureauInput, v) });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    await call('print.saveBureau', v);
    form.resetDirty();
    notifySuccess('单位信息已保存');
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput label="单位名称" {...form.getInputProps('name')} />
        <TextInput label="地址" {...form.getInputProps('address')} />
        <TextInput label="电话" {...form.getInputProps('phone')} />
        <TextInput label="印章文字" description="告知书、回执的盖章处" {...form.getInputProps('sealText')} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!form.isDirty()}>
            保存单位信息
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PrintingForm({ initial }: { initial: PrintingSettings }) {
  const printers = useQuery('print.printers', {}, { errorTitle: false }).data ?? { fromSystem: false, printers: [] };
  const form = useForm<PrintingSettings>({ initialValues: initial, validate: (v) => zodErrors(printingInput, v) });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    await call('print.saveSettings', v);
    form.resetDirty();
    notifySuccess('打印设置已保存');
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {PRINT_SETTING_GROUPS.map((t) => (
          <Grid key={t.code} align="flex-end">
            <Grid.Col span={12}>
              <Text fw={600}>{t.label}</Text>
            </Grid.Col>
            <Grid.Col span={5}>
              <Autocomplete
                label="打印机名称"
                placeholder={printers.fromSystem ? '选择打印机，留空使用系统默认' : '留空使用系统默认打印机'}
                data={printers.printers}
                description={printers.fromSystem ? `本机有 ${printers.printers.length} 台打印机` : '浏览器版无法读取本机打印机，请输入名称'}
                {...form.getInputProps(`${t.code}.printer`)}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <NativeSelect
                label="纸张"
                data={PAPERS.filter((p) => (t.papers as readonly string[]).includes(p.code)).map((p) => ({
                  value: p.code,
                  label: p.label,
                }))}
                {...form.getInputProps(`${t.code}.paper`)}
              />
            </Grid.Col>
            <Grid.Col span={3}>
              <Checkbox label="静默打印（不弹对话框）" {...form.getInputProps(`${t.code}.silent`, { type: 'checkbox' })} />
            </Grid.Col>
          </Grid>
        ))}
        <Switch label="取号后自动打印凭条（桌面版）" {...form.getInputProps('autoPrintTicket', { type: 'checkbox' })} />
        <Text size="xs" c="dimmed">
          浏览器模式下由浏览器弹出打印对话框；桌面版按此处设置直接送往打印机。
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!form.isDirty()}>
            保存打印设置
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PrintSettingsPage() {
  // The forms are drafts over what was loaded: they mount once the data is there and are not reloaded under the admin.
  const bureau = useQuery('print.bureau', {}).data;
  const printing = useQuery('print.settings', {}).data;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder p="md">
          <Title order={3} mb="md">
            单位信息
          </Title>
          {bureau && <BureauForm initial={bureau} />}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder p="md">
          <Title order={3} mb="md">
            打印设置
          </Title>
          {printing && <PrintingForm initial={printing} />}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
