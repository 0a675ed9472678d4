// 叫号设置 (administrator): the call-order rule, no-show, day end, what the
// display shows and says, and the lanes and desks of the hall.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Slider,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import {
  queueSettingsInput,
  saveDeskInput,
  saveLaneInput,
  type DeskView,
  type LaneView,
  type QueueSettings,
} from '@shared/api/schemas/queue';
import { ORDER_RULE_LABELS } from '@shared/domain/queue';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { DialogActions, useApiSubmit } from '@lib/forms';
import { notifyError, notifySuccess } from '@lib/notify';
import { useQueueConfig } from '../queue/use-queue';

function SettingsForm({ initial }: { initial: QueueSettings }) {
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
            disabled={!form.values.voiceEnabled}
            {...form.getInputProps('voiceVolume')}
          />
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!form.isDirty()}>
            保存叫号设置
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type LaneForm = { id: string | null; prefix: string; name: string; kind: 'normal' | 'appointment'; active: boolean };
function LaneModal({ lane, onClose }: { lane: LaneForm | null; onClose: () => void }) {
  const form = useForm<LaneForm>({
    initialValues: lane ?? { id: null, prefix: '', name: '', kind: 'normal', active: true },
    validate: (v) => zodErrors(saveLaneInput, v),
  });
  useEffect(() => {
    if (lane) form.setValues(lane);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lane]);
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    await call('queue.saveLane', v);
    notifySuccess('队列已保存');
    onClose();
  });
  return (
    <Modal opened={lane !== null} onClose={onClose} title={lane?.id ? '编辑队列' : '添加队列'}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label="字母" description="号码前缀，如 A" maxLength={1} data-autofocus {...form.getInputProps('prefix')} />
          <TextInput label="名称" {...form.getInputProps('name')} />
          <NativeSelect
            label="类型"
            data={[
              { value: 'normal', label: '普通队列' },
              { value: 'appointment', label: '约访队列（取号时填预约时间）' },
            ]}
            {...form.getInputProps('kind')}
          />
          <Checkbox label="启用" {...form.getInputProps('active', { type: 'checkbox' })} />
          <DialogActions busy={busy} label="保存" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

type DeskForm = { id: string | null; number: number | string; name: string; laneIds: string[]; active: boolean };
function DeskModal({ desk, lanes, onClose }: { desk: DeskForm | null; lanes: LaneView[]; onClose: () => void }) {
  const form = useForm<DeskForm>({
    initialValues: desk ?? { id: null, number: '', name: '', laneIds: [], active: true },
    validate: (v) => zodErrors(saveDeskInput, v),
  });
  useEffect(() => {
    if (desk) form.setValues(desk);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk]);
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    await call('queue.saveDesk', { ...v, number: Number(v.number) });
    notifySuccess('窗口已保存');
    onClose();
  });
  return (
    <Modal opened={desk !== null} onClose={onClose} title={desk?.id ? '编辑窗口' : '添加窗口'}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <NumberInput label="窗口号" min={1} max={99} data-autofocus {...form.getInputProps('number')} />
          <TextInput label="名称" placeholder="如 4号窗口" {...form.getInputProps('name')} />
          <MultiSelect
            label="服务的队列"
            data={lanes.map((l) => ({ value: l.id, label: `${l.prefix} ${l.name}` }))}
            {...form.getInputProps('laneIds')}
          />
          <Checkbox label="启用" {...form.getInputProps('active', { type: 'checkbox' })} />
          <DialogActions busy={busy} label="保存" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function QueueSettingsPage() {
  const { lanes, desks } = useQueueConfig();
  const [settings, setSettings] = useState<QueueSettings | null>(null);
  const [lane, setLane] = useState<LaneForm | null>(null);
  const [desk, setDesk] = useState<DeskForm | null>(null);
  useEffect(() => {
    call('queue.settings', {}).then(setSettings, (e: unknown) => notifyError(e));
  }, []);
  const laneName = (id: string) => lanes.find((l) => l.id === id)?.prefix ?? '?';
  const editDesk = (d: DeskView) => setDesk({ id: d.id, number: d.number, name: d.name, laneIds: d.laneIds, active: d.active });
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }}>
      <Paper withBorder p="md">
        <Title order={3} mb="md">
          叫号设置
        </Title>
        {settings && <SettingsForm initial={settings} />}
      </Paper>
      <Stack>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>业务队列</Title>
            <Button size="xs" onClick={() => setLane({ id: null, prefix: '', name: '', kind: 'normal', active: true })}>
              添加队列
            </Button>
          </Group>
          <Table aria-label="业务队列">
            <Table.Tbody>
              {lanes.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td fw={700}>{l.prefix}</Table.Td>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td>{l.kind === 'appointment' && <Badge color="grape">约访</Badge>}</Table.Td>
                  <Table.Td>{l.active ? <Badge color="teal">启用</Badge> : <Badge color="gray">停用</Badge>}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-sm" variant="subtle" onClick={() => setLane({ ...l })}>
                      编辑
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>接待窗口</Title>
            <Button size="xs" onClick={() => setDesk({ id: null, number: '', name: '', laneIds: [], active: true })}>
              添加窗口
            </Button>
          </Group>
          <Table aria-label="接待窗口">
            <Table.Tbody>
              {desks.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td fw={700}>{d.name}</Table.Td>
                  <Table.Td>服务：{d.laneIds.map(laneName).join(' ')}</Table.Td>
                  <Table.Td>
                    {!d.active ? (
                      <Badge color="gray">停用</Badge>
                    ) : d.paused ? (
                      <Badge color="yellow">暂停</Badge>
                    ) : (
                      <Badge color="teal">启用</Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-sm" variant="subtle" onClick={() => editDesk(d)}>
                      编辑
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
      <LaneModal lane={lane} onClose={() => setLane(null)} />
      <DeskModal desk={desk} lanes={lanes} onClose={() => setDesk(null)} />
    </SimpleGrid>
  );
}
