// 数据导出 (administrator): the schedule, the destinations (folder / HTTP) with
// their last success, next run, failures and batch history; export now and
// re-export a date range.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError } from '@shared/api/errors';
import { EXPORT_FORMAT_OPTIONS, type DestinationStatus, type FailureView } from '@shared/api/schemas/export';
import { formatDateTime, hallDate } from '@shared/time';
import { call, subscribe } from '../../api/client';
import { messageOf } from '@lib/form-errors';
import { HallDateInput } from '@lib/HallDateInput';
import { notifyError, notifySuccess, notifyWarning } from '@lib/notify';
import { useQuery } from '@lib/use-query';
import { ExportScheduleCard } from './ExportScheduleCard';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

type DestForm = {
  id: string | null;
  kind: 'folder' | 'http';
  name: string;
  path: string;
  url: string;
  token: string;
  tokenStatus: string | null;
  formats: string[];
};
const emptyDest = (): DestForm => ({
  id: null,
  kind: 'folder',
  name: '',
  path: '',
  url: '',
  token: '',
  tokenStatus: null,
  formats: ['xlsx', 'csv', 'jsonl'],
});

function DestinationModal({ value, onClose }: { value: DestForm | null; onClose: (saved: boolean) => void }) {
  const [v, setV] = useState<DestForm>(emptyDest());
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (value) setV(value);
    setErrors({});
  }, [value]);
  const save = async () => {
    const input =
      v.kind === 'folder'
        ? { id: v.id, kind: 'folder' as const, name: v.name, path: v.path, formats: v.formats as ('xlsx' | 'csv' | 'jsonl')[] }
        : { id: v.id, kind: 'http' as const, name: v.name, url: v.url, token: v.token ? v.token : null };
    try {
      const saved = await call('export.saveDestination', input);
      if (saved.notice) notifyWarning(saved.notice, '导出位置已保存');
      else notifySuccess('导出位置已保存');
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
      else notifyError(e);
    }
  };
  return (
    <Modal opened={value !== null} onClose={() => onClose(false)} title={v.id ? '编辑导出位置' : '添加导出位置'}>
      <Stack>
        <NativeSelect
          label="类型"
          disabled={v.id !== null}
          data={[
            { value: 'folder', label: '文件夹（共享盘或U盘）' },
            { value: 'http', label: '区信访信息系统接口（HTTP）' },
          ]}
          value={v.kind}
          onChange={(e) => setV({ ...v, kind: e.currentTarget.value as DestForm['kind'] })}
        />
        <TextInput
          label="名称"
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
        />
        {v.kind === 'folder' ? (
          <>
            <TextInput
              label="文件夹路径"
              placeholder="如 D:\信访导出 或 \\服务器\共享\信访"
              value={v.path}
              onChange={(e) => setV({ ...v, path: e.currentTarget.value })}
              error={errors.path}
            />
            <Checkbox.Group label="文件格式" value={v.formats} onChange={(f) => setV({ ...v, formats: f })} error={errors.formats}>
              <Stack gap={4} mt={4}>
                {EXPORT_FORMAT_OPTIONS.map((f) => (
                  <Checkbox key={f.code} value={f.code} label={f.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          </>
        ) : (
          <>
            <TextInput
              label="接收地址"
              placeholder="https://…"
              value={v.url}
              onChange={(e) => setV({ ...v, url: e.currentTarget.value })}
              error={errors.url}
            />
            <PasswordInput
              label="令牌"
              description={v.id ? `当前令牌：${v.tokenStatus ?? '未设置'}。留空则保留原令牌（地址换到另一站点时清除）` : undefined}
              value={v.token}
              onChange={(e) => setV({ ...v, token: e.currentTarget.value })}
              error={errors.token}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            取消
          </Button>
          <Button onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DestinationCard({ d, onChanged, onEdit }: { d: DestinationStatus; onChanged: () => void; onEdit: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<FailureView[] | null>(null);
  const [done, setDone] = useState<number | null>(null);
  useEffect(
    () =>
      subscribe((e) => {
        if (e.name === 'export.progress' && (e.payload as { destinationId: string }).destinationId === d.id)
          setDone((e.payload as { done: number }).done);
      }),
    [d.id],
  );
  const runNow = async () => {
    setBusy(true);
    setDone(null);
    try {
      const r = await call('export.runNow', { destinationId: d.id });
      const dest = r.destinations[0];
      if (dest?.skipped) notifyWarning(dest.skipped);
      else {
        const records = dest?.batches.reduce((n, b) => n + b.records, 0) ?? 0;
        const failed = dest?.batches.filter((b) => b.status === 'failed') ?? [];
        if (failed.length) notifyWarning(failed.map((b) => b.error).join('；'), '导出未全部完成');
        else notifySuccess(records ? `已导出 ${records} 条记录` : '没有新的记录需要导出');
      }
    } catch (e) {
      notifyError(e, '导出未完成');
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  return (
    <Paper withBorder p="md" aria-label={`导出位置 ${d.name}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={4}>{d.name}</Title>
          <Badge color={d.enabled ? 'teal' : 'gray'}>{d.enabled ? '启用' : '停用'}</Badge>
          <Badge variant="light">{d.kind === 'folder' ? '文件夹' : 'HTTP 接口'}</Badge>
        </Group>
        <Group gap="xs">
          <Button size="xs" loading={busy} disabled={!d.enabled} onClick={() => void runNow()}>
            立即导出
          </Button>
          <Button size="xs" variant="default" onClick={onEdit}>
            编辑
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color={d.enabled ? 'red' : 'teal'}
            onClick={() =>
              void call('export.setDestinationEnabled', { destinationId: d.id, enabled: !d.enabled }).then(onChanged, (e: unknown) =>
                notifyError(e),
              )
            }
          >
            {d.enabled ? '停用' : '启用'}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {d.target}
        {d.kind === 'folder' ? ` · ${d.formats.join(' / ')}` : ` · 令牌${d.tokenStatus ?? '未设置'}`}
      </Text>
      {busy && (
        <Alert color="blue" mb="xs">
          正在导出{done !== null ? `：已写入 ${done.toLocaleString('zh-CN')} 条` : ''}。记录较多时需要几分钟，请勿关闭程序…
        </Alert>
      )}
      <SimpleGrid cols={4} mb="xs">
        <Text size="sm">最近成功：{when(d.lastSuccessAt)}</Text>
        <Text size="sm">下次导出：{when(d.nextRunAt)}</Text>
        <Text size="sm" title="来访登记、信访人、信访事项每新增或修改一次为一条记录（同一来访改两次算两条），不是来访人次">
          待导出：{d.unsentCount + d.sendingCount} 条记录
        </Text>
        <Text size="sm" c={d.failedCount ? 'red.8' : undefined} fw={d.failedCount ? 700 : undefined}>
          失败：{d.failedCount} 条
        </Text>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mb="xs">
        “条”数的是记录：来访登记、信访人、信访事项每新增或修改一次为一条（同一来访改两次算两条），不是来访人次。
      </Text>
      {d.failureReasons.length > 0 && (
        <Alert color="red" mb="xs" title="导出失败的原因">
          {d.failureReasons.map((r) => (
            <Text size="sm" key={r.reason}>
              {r.reason}（{r.count} 条）
            </Text>
          ))}
          <Button
            size="compact-xs"
            variant="subtle"
            mt={4}
            onClick={() => void call('export.failures', { destinationId: d.id }).then(setFailures, (e: unknown) => notifyError(e))}
          >
            查看失败记录
          </Button>
        </Alert>
      )}
      {failures && (
        <Table fz="sm" mb="xs" aria-label="失败记录">
          <Table.Tbody>
            {failures.slice(0, 50).map((f) => (
              <Table.Tr key={`${f.entity}:${f.entityId}:${f.version}`}>
                <Table.Td>{f.entityLabel}</Table.Td>
                <Table.Td>{f.label}</Table.Td>
                <Table.Td>第{f.version}版</Table.Td>
                <Table.Td>{f.lastError}</Table.Td>
                <Table.Td>
                  失败{f.failures}次 · 下次重试 {when(f.nextAttemptAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Table fz="sm" striped aria-label={`${d.name} 导出批次`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>时间</Table.Th>
            <Table.Th>类型</Table.Th>
            <Table.Th>记录数</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>文件 / 说明</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.recentBatches.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{when(b.createdAt)}</Table.Td>
              <Table.Td>
                {b.kindLabel}
                {b.kind === 'reexport' && b.rangeFrom ? `（${b.rangeFrom} 至 ${b.rangeTo}）` : ''}
              </Table.Td>
              <Table.Td>{b.recordCount}</Table.Td>
              <Table.Td>
                <Badge color={b.status === 'failed' ? 'red' : b.status === 'pending' ? 'yellow' : 'teal'}>{b.statusLabel}</Badge>
              </Table.Td>
              <Table.Td>{b.lastError ?? b.files.map((f) => `${f.name}（SHA-256 ${f.sha256.slice(0, 12)}…）`).join('、')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ReexportCard({ onDone }: { onDone: () => void }) {
  const [from, setFrom] = useState(hallDate());
  const [to, setTo] = useState(hallDate());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('export.reexport', { from, to });
      notifySuccess(`已重新导出 ${r.destinations.reduce((n, d) => n + d.batches.reduce((m, b) => m + b.records, 0), 0)} 条记录`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        重新导出日期范围
      </Title>
      <Group align="flex-end">
        <HallDateInput label="开始日期" value={from} onChange={setFrom} />
        <HallDateInput label="结束日期" value={to} onChange={setTo} error={error} />
        <Button loading={busy} onClick={() => void run()}>
          重新导出
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        按登记日期导出每条记录的最新版本，发往全部启用的导出位置；接收方按编号和版本去重。
      </Text>
    </Paper>
  );
}

export function ExportPage() {
  const { data: overview, reload: load } = useQuery('export.overview', {}, { errorTitle: '无法读取导出状态' });
  const [editing, setEditing] = useState<DestForm | null>(null);
  if (!overview) return null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>数据导出（区信访信息系统）</Title>
        <Button onClick={() => setEditing(emptyDest())}>添加导出位置</Button>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ExportScheduleCard overview={overview} onSaved={load} />
        <ReexportCard onDone={load} />
      </SimpleGrid>
      {overview.destinations.length === 0 && (
        <Alert color="yellow">还没有导出位置。请添加共享文件夹、U盘路径或区信访信息系统的接收地址。</Alert>
      )}
      {overview.destinations.map((d) => (
        <DestinationCard
          key={d.id}
          d={d}
          onChanged={load}
          onEdit={() =>
            setEditing({
              id: d.id,
              kind: d.kind,
              name: d.name,
              path: d.kind === 'folder' ? d.target : '',
              url: d.kind === 'http' ? d.target : '',
              token: '',
              tokenStatus: d.tokenStatus,
              formats: d.formats,
            })
          }
        />
      ))}
      <DestinationModal
        value={editing}
        onClose={(saved) => {
          setEditing(null);
          if (saved) load();
        }}
      />
    </Stack>
  );
}
