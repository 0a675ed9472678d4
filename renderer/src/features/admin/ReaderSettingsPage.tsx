// 读卡器 (administrator): how THIS PC reads the 二代证 (the PC running this backend; each window
// PC keeps its own, in its data folder, with the hall's default for a PC that saved none): the
// vendor's local service on 127.0.0.1 (HTTP or WebSocket, port, path, and the table mapping its
// answer to our fields), the simulator's file for training, or none; the vendor's minimum
// interval. Below it, the hall's card photo policy. The two examples are starting points to check
// against the reader's manual.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { CARD_FIELDS, READER_DRIVERS, readerSaveInput, type ReaderSettings, type ReaderState } from '@shared/api/schemas/reader';
import { READER_PRESETS } from '@shared/domain/card-reader';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { useApiSubmit } from '@lib/forms';
import { selectData } from '@lib/labels';
import { notifyError, notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';
import { PhotoPolicyForm } from './PhotoPolicyForm';

type Draft = ReaderSettings & { alsoHallDefault: boolean };

const splitCodes = (s: string) =>
  s
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function ReaderForm({ initial, onSaved }: { initial: ReaderSettings; onSaved: () => void }) {
  const form = useForm<Draft>({ initialValues: { ...initial, alsoHallDefault: false }, validate: (v) => zodErrors(readerSaveInput, v) });
  const [tried, setTried] = useState<ReaderState | null>(null);
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    const saved = await call('reader.saveSettings', v);
    form.setValues({ ...saved.settings, alsoHallDefault: false });
    form.resetDirty();
    notifySuccess(v.alsoHallDefault ? '本机读卡器设置已保存，并已设为全厅默认' : '本机读卡器设置已保存');
    onSaved();
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
        {tried && (
          <Alert color={tried.light === 'fault' ? 'red' : 'teal'} title="试读结果" withCloseButton onClose={() => setTried(null)}>
            {tried.message}
          </Alert>
        )}
        <Group justify="space-between">
          <Checkbox
            label="同时设为全厅默认（尚未单独设置读卡器的电脑使用此设置）"
            {...form.getInputProps('alsoHallDefault', { type: 'checkbox' })}
          />
          <Group>
            <Button variant="default" onClick={() => void tryRead()} disabled={form.isDirty()}>
              按已保存的设置试读一次
            </Button>
            <Button type="submit" loading={busy} disabled={!form.isDirty()}>
              保存本机读卡器设置
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

export function ReaderSettingsPage() {
  // A draft over what was loaded: mounts once the data is there.
  const { data: view, reload } = useQuery('reader.settings', {});
  return (
    <Stack maw={1100}>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3}>身份证阅读器（本机）</Title>
          {view && (
            <Badge size="lg" variant="light" color={view.source === 'pc' ? 'teal' : 'gray'}>
              {view.source === 'pc' ? '本机设置' : '本机未单独设置，使用全厅默认'}
            </Badge>
          )}
        </Group>
        {view && (
          <Alert color="blue" variant="light" mb="md" title={`本页设置的是电脑“${view.pc.hostname}”上的读卡器`}>
            <Text size="sm">
              每台窗口电脑的读卡器分别设置，保存在该电脑的数据文件夹（{view.pc.dataDir}）中。浏览器版打开本页时，设置的是运行服务的电脑。
              读卡失败不影响登记，登记员随时可以手工录入。
            </Text>
          </Alert>
        )}
        {view && <ReaderForm key={`${view.source}:${JSON.stringify(view.settings)}`} initial={view.settings} onSaved={reload} />}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="xs">
          身份证照片（全厅）
        </Title>
        {view && <PhotoPolicyForm initial={view.photos} />}
      </Paper>
    </Stack>
  );
}
