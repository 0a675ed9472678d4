// 读卡器 (administrator): how this hall's desks read the 二代证: the vendor's local service on
// 127.0.0.1 (HTTP or WebSocket, port, path, and the table mapping its answer to our fields), the
// simulator's file for training, or none; the vendor's minimum interval; and whether the card
// photo is kept. The two examples are starting points to check against the reader's manual.
import { Alert, Button, Grid, Group, NativeSelect, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { CARD_FIELDS, READER_DRIVERS, readerSettingsInput, type ReaderSettings, type ReaderState } from '@shared/api/schemas/reader';
import { READER_PRESETS } from '@shared/domain/card-reader';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { useApiSubmit } from '@lib/forms';
import { selectData } from '@lib/labels';
import { notifyError, notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';

const splitCodes = (s: string) =>
  s
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function ReaderForm({ initial }: { initial: ReaderSettings }) {
  const form = useForm<ReaderSettings>({ initialValues: initial, validate: (v) => zodErrors(readerSettingsInput, v) });
  const [tried, setTried] = useState<ReaderState | null>(null);
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    await call('reader.saveSettings', v);
    form.resetDirty();
    notifySuccess('读卡器设置已保存');
  });
  const v = form.values;
  const codes = (key: 'okCodes' | 'noCardCodes' | 'noReaderCodes', label: string) => (
    <TextInput
      label={label}
      description="多个代码用逗号分隔"
      value={v.mapping[key].join(',')}
      onChange={(e) => form.setFieldValue(`mapping.${key}`, splitCodes(e.currentTarget.value))}
      error={form.errors[`mapping.${key}`]}
    />
  );
  const tryRead = async () => {
    try {
      setTried((await call('reader.read', { mode: 'now' })).state);
    } catch (e) {
      notifyError(e, '试读未完成');
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Grid align="flex-end">
          <Grid.Col span={6}>
            <NativeSelect label="读卡方式" data={selectData(READER_DRIVERS)} {...form.getInputProps('driver')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <NumberInput
              label="最小读卡间隔（毫秒）"
              description="按厂商要求，通常300"
              min={200}
              max={5000}
              {...form.getInputProps('minIntervalMs')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <NumberInput label="超时（毫秒）" min={500} max={15000} {...form.getInputProps('timeoutMs')} />
          </Grid.Col>
        </Grid>
        {v.driver === 'simulator' && (
          <TextInput
            label="模拟读卡器文件"
            description="JSON 文件；相对路径位于数据文件夹内。格式见使用说明（README）“身份证阅读器”一节"
            {...form.getInputProps('simulatorFile')}
          />
        )}
        {v.driver === 'local' && (
          <>
            <Group align="flex-end">
              <NativeSelect
                label="套用示例"
                description="示例仅供参考，须按读卡器说明书核对字段和代码"
                data={[{ value: '', label: '选择示例…' }, ...READER_PRESETS.map((p) => ({ value: p.code, label: p.label }))]}
                value=""
                onChange={(e) => {
                  const p = READER_PRESETS.find((x) => x.code === e.currentTarget.value);
                  if (p) form.setValues({ ...p.settings });
                }}
              />
            </Group>
            <Grid align="flex-end">
              <Grid.Col span={3}>
                <NativeSelect
                  label="通信方式"
                  data={[
                    { value: 'http', label: 'HTTP（GET）' },
                    { value: 'ws', label: 'WebSocket' },
                  ]}
                  {...form.getInputProps('transport')}
                />
              </Grid.Col>
              <Grid.Col span={2}>
                <TextInput label="地址" value="127.0.0.1" readOnly description="仅本机" />
              </Grid.Col>
              <Grid.Col span={2}>
                <NumberInput label="端口" min={1} max={65535} {...form.getInputProps('port')} />
              </Grid.Col>
              <Grid.Col span={5}>
                <TextInput label="路径" placeholder="/api/readcard" {...form.getInputProps('path')} />
              </Grid.Col>
            </Grid>
            {v.transport === 'ws' && <TextInput label="读卡请求（WebSocket 发送的文本）" {...form.getInputProps('mapping.request')} />}
            <Text fw={600}>返回内容的字段对应（以点分隔的字段名，如 data.name；厂商没有的字段留空）</Text>
            <Grid>
              <Grid.Col span={4}>
                <TextInput label="结果代码字段" {...form.getInputProps('mapping.statusPath')} />
              </Grid.Col>
              <Grid.Col span={4}>
                <TextInput label="提示信息字段" {...form.getInputProps('mapping.messagePath')} />
              </Grid.Col>
              <Grid.Col span={4} />
              <Grid.Col span={4}>{codes('okCodes', '成功代码')}</Grid.Col>
              <Grid.Col span={4}>{codes('noCardCodes', '无卡代码')}</Grid.Col>
              <Grid.Col span={4}>{codes('noReaderCodes', '无读卡器代码')}</Grid.Col>
              {CARD_FIELDS.map((f) => (
                <Grid.Col span={4} key={f.code}>
                  <TextInput label={f.label} {...form.getInputProps(`mapping.fields.${f.code}`)} />
                </Grid.Col>
              ))}
            </Grid>
          </>
        )}
        <Switch
          label="保存身份证照片"
          description="默认关闭：照片只在登记时显示供当面核对，不保存（最小必要）。开启后每次读卡的照片保存在数据文件夹 card-photos 中并记入审计日志"
          {...form.getInputProps('storePhoto', { type: 'checkbox' })}
        />
        {tried && (
          <Alert color={tried.light === 'fault' ? 'red' : 'teal'} title="试读结果" withCloseButton onClose={() => setTried(null)}>
            {tried.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void tryRead()} disabled={form.isDirty()}>
            按已保存的设置试读一次
          </Button>
          <Button type="submit" loading={busy} disabled={!form.isDirty()}>
            保存读卡器设置
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ReaderSettingsPage() {
  // A draft over what was loaded: mounts once the data is there.
  const settings = useQuery('reader.settings', {}).data;
  return (
    <Paper withBorder p="md" maw={1100}>
      <Title order={3} mb="xs">
        身份证阅读器
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        读卡器在登记窗口所在电脑上运行（浏览器版为运行服务的电脑）。读卡失败不影响登记，登记员随时可以手工录入。
      </Text>
      {settings && <ReaderForm initial={settings} />}
    </Paper>
  );
}
