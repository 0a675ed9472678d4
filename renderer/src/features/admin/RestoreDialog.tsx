// The confirmation of a restore: what will be replaced (the current database:
// last change, size, visits) against the backup, where the current one is
// kept, and the word 恢复 typed to confirm. Enter confirms once it is typed.
import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import type { StoreSummary } from '@shared/api/schemas/backup';
import { formatDateTime } from '@shared/time';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '@lib/notify';
import { fileSize } from '@lib/labels';
import { useQuery } from '@lib/use-query';

const changed = (s: StoreSummary) => (s.lastChangeAt ? formatDateTime(s.lastChangeAt) : '—');

export function RestoreDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const plan = useQuery('backup.planRestore', { name }, { errorTitle: '不能恢复此备份' });
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const p = plan.data;
  const ready = !!p && typed.trim() === '恢复' && !busy;

  const restore = async () => {
    if (!p || !ready) return;
    setBusy(true);
    try {
      const r = await call('backup.restore', { name, sha256: p.sha256 });
      notifySuccess(`已从备份恢复；原数据库另存为 ${r.asideFile}`, '恢复完成');
      onClose();
    } catch (e) {
      notifyError(e, '恢复未完成，当前数据未改变');
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void restore();
    }
  };

  return (
    <Modal opened onClose={onClose} title="从备份恢复" size="lg" closeOnClickOutside={!busy} closeOnEscape={!busy}>
      {plan.error !== null && !p && (
        <Alert color="red" title="不能恢复此备份">
          请先“核验”此备份查看原因，或选择另一份备份
        </Alert>
      )}
      {p && (
        <Stack gap="sm">
          <Text size="sm">恢复后，当前数据库将被下表右侧的备份替换，所有窗口会重新载入：</Text>
          <Table withTableBorder withColumnBorders aria-label="恢复前后对比">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>当前数据库（将被替换）</Table.Th>
                <Table.Th>备份 {formatDateTime(p.backup.createdAt)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>最后修改</Table.Td>
                <Table.Td>{changed(p.current)}</Table.Td>
                <Table.Td>{changed(p.backup)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>大小</Table.Td>
                <Table.Td>{fileSize(p.current.bytes)}</Table.Td>
                <Table.Td>{fileSize(p.backup.bytes)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>来访登记</Table.Td>
                <Table.Td>{p.current.visits} 条</Table.Td>
                <Table.Td>{p.backup.visits} 条</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {p.current.visits > p.backup.visits && (
            <Alert color="orange" p="xs">
              当前比备份多 {p.current.visits - p.backup.visits} 条来访登记，恢复后它们不在数据库中（仍在另存的原数据库里）。
            </Alert>
          )}
          <Text size="sm">
            当前数据库另存于{' '}
            <Text span ff="monospace">
              {p.asideFolder}
            </Text>
            ，不会删除。
          </Text>
          <TextInput
            label="请输入“恢复”两字以确认"
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            onKeyDown={onKeyDown}
            data-autofocus
            // the plan arrives after the modal opened (and its focus trap chose): focus on mount
            autoFocus
            disabled={busy}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              取消
            </Button>
            <Button color="red" onClick={() => void restore()} disabled={!ready} loading={busy}>
              恢复
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
