// 备份与恢复 (administrator): where and when the database is backed up
// (每天 HH:mm, plus 立即备份), the last failure if the latest attempt failed,
// the backups kept (time, size, visits, SHA-256, why rotation keeps each), a
// full check of one (核验) and restore with a confirmation (RestoreDialog). On
// PostgreSQL the database server backs up: the page says so.
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import { BACKUP_KEEP, type BackupEntry, type BackupOverview } from '@shared/api/schemas/backup';
import { formatDateTime } from '@shared/time';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';
import { notifyError, notifySuccess } from '@lib/notify';
import { fileSize } from '@lib/labels';
import { useQuery } from '@lib/use-query';
import { RestoreDialog } from './RestoreDialog';

function SettingsCard({ overview, onSaved }: { overview: BackupOverview; onSaved: () => void }) {
  const [folder, setFolder] = useState(overview.settings.folder);
  const [dailyAt, setDailyAt] = useState(overview.settings.dailyAt);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      await call('backup.saveSettings', { folder, dailyAt });
      setErrors({});
      notifySuccess('备份设置已保存');
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
      else notifyError(e, '备份设置未保存');
    }
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        备份位置与时间
      </Title>
      <Group
        align="flex-start"
        gap="sm"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <TextInput
          label="备份位置（文件夹）"
          placeholder="如 /mnt/备份盘/信访大厅 或 D:\备份\信访大厅"
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={errors.folder}
          w={440}
          data-autofocus
          autoFocus
        />
        <TextInput
          label="每天备份时间"
          placeholder="22:30"
          value={dailyAt}
          onChange={(e) => setDailyAt(e.currentTarget.value)}
          error={errors.dailyAt}
          w={160}
        />
        <Button mt={25} onClick={() => void save()}>
          保存
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        每天备份时间留空则只在点“立即备份”时备份。最好选另一块磁盘或移动硬盘。保留：最近 {BACKUP_KEEP.daily} 天每天一份、
        {BACKUP_KEEP.weekly} 周每周一份、{BACKUP_KEEP.monthly}{' '}
        个月每月一份，其余自动删除。备份含全部个人信息，文件仅本机运行程序的账户可读。
      </Text>
    </Paper>
  );
}

function BackupRow({ b, onVerify, onRestore }: { b: BackupEntry; onVerify: () => void; onRestore: () => void }) {
  return (
    <Table.Tr>
      <Table.Td>{b.createdAt ? formatDateTime(b.createdAt) : b.name}</Table.Td>
      <Table.Td>{fileSize(b.bytes)}</Table.Td>
      <Table.Td>{b.visits}</Table.Td>
      <Table.Td>{b.archiveFiles}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {b.keptFor.map((k) => (
            <Badge key={k} variant="light" size="sm">
              {k}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Tooltip label={b.sha256 || '—'}>
          <Text size="xs" ff="monospace">
            {b.sha256 ? `${b.sha256.slice(0, 16)}…` : '—'}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        {b.problem ? (
          <Text size="sm" c="red">
            {b.problem}
          </Text>
        ) : (
          <Text size="sm" c="green">
            已核验
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-sm" variant="default" onClick={onVerify} aria-label={`核验 ${b.name}`}>
            核验
          </Button>
          <Button size="compact-sm" variant="light" color="red" onClick={onRestore} disabled={!!b.problem} aria-label={`恢复 ${b.name}`}>
            恢复…
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function BackupPage() {
  const overview = useQuery('backup.overview', {}, { errorTitle: '无法读取备份' });
  const [running, setRunning] = useState(false);
  const [checked, setChecked] = useState<Record<string, string | null>>({});
  const [restoring, setRestoring] = useState<string | null>(null);
  const o = overview.data;

  const backupNow = async () => {
    setRunning(true);
    try {
      const b = await call('backup.runNow', {});
      notifySuccess(`备份完成：${formatDateTime(b.createdAt)}，${fileSize(b.bytes)}，已核验`);
    } catch (e) {
      notifyError(e, '备份失败');
    } finally {
      setRunning(false);
      overview.reload();
    }
  };
  const verify = async (name: string) => {
    try {
      const v = await call('backup.verify', { name });
      setChecked((c) => ({ ...c, [name]: v.problem }));
      if (v.problem) notifyError(new Error(v.problem), '备份已损坏');
      else notifySuccess('备份完好：SHA-256、完整性检查与各表行数均相符');
    } catch (e) {
      notifyError(e, '无法核验');
    }
  };

  if (!o) return overview.error !== null ? <Text c="red">{messageOf(overview.error)}</Text> : null;
  if (o.engine === 'postgres')
    return (
      <Stack maw={1100}>
        <Title order={3}>备份与恢复</Title>
        <Alert color="blue" title="由数据库服务器备份">
          本大厅的数据在 PostgreSQL 数据库服务器上，备份与恢复由数据库服务器完成（pg_dump /
          pg_restore），本程序不做备份。请数据库管理员按使用说明中“备份与恢复”一节设置定时备份。
        </Alert>
      </Stack>
    );

  return (
    <Stack maw={1280} gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between">
          <Title order={3}>备份与恢复</Title>
          <Button onClick={() => void backupNow()} loading={running} disabled={!o.settings.folder}>
            立即备份
          </Button>
        </Group>
        {o.current && (
          <Text size="sm" mt="xs">
            当前数据库：最后修改 {o.current.lastChangeAt ? formatDateTime(o.current.lastChangeAt) : '—'}，{fileSize(o.current.bytes)}
            ，来访登记 {o.current.visits} 条。
            {o.nextRunAt ? `下次自动备份：${formatDateTime(o.nextRunAt)}` : '未设自动备份。'}
          </Text>
        )}
        {o.lastFailure && (
          <Alert color="red" mt="sm" title={`最近一次备份失败（${formatDateTime(o.lastFailure.at)}）`} role="alert">
            {o.lastFailure.message}。请检查备份位置（磁盘是否接好、是否有空间），然后点“立即备份”。
          </Alert>
        )}
        {!o.settings.folder && (
          <Alert color="yellow" mt="sm">
            尚未设置备份位置：请在下方填写并保存。
          </Alert>
        )}
      </Paper>

      <SettingsCard key={`${o.settings.folder}|${o.settings.dailyAt}`} overview={o} onSaved={overview.reload} />

      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          已有备份（{o.backups.length}）
        </Title>
        {o.backups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {o.settings.folder ? `${o.settings.folder} 中还没有备份` : '—'}
          </Text>
        ) : (
          <Table striped highlightOnHover aria-label="备份列表">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>备份时间</Table.Th>
                <Table.Th>大小</Table.Th>
                <Table.Th>来访</Table.Th>
                <Table.Th>存档文件</Table.Th>
                <Table.Th>保留</Table.Th>
                <Table.Th>SHA-256</Table.Th>
                <Table.Th>状态</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.backups.map((b) => (
                <BackupRow
                  key={b.name}
                  b={b.name in checked ? { ...b, problem: checked[b.name] ?? null } : b}
                  onVerify={() => void verify(b.name)}
                  onRestore={() => setRestoring(b.name)}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          Tab 移到“核验”或“恢复…”，Enter 执行。恢复前会显示将被替换的当前数据库，原数据库另存、不删除。命令行：npm run backup:now /
          backup:restore
        </Text>
      </Paper>
      {restoring && <RestoreDialog name={restoring} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}
