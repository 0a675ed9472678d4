// 审计查询 (administrator): whether the audit chain is whole, and the audit log
// filtered by person (ID number or name), user, hall dates and action, a page at
// a time, with an xlsx export. Each query and export is itself audited, so the
// list loads when the administrator asks (Enter or 查询), not while typing.
import { Alert, Badge, Button, Group, NativeSelect, Pagination, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { AuditFilter } from '@shared/api/schemas/audit';
import { auditActionLabel, readMethodLabel } from '@shared/domain/audit';
import { addDays } from '@shared/domain/deadlines';
import { formatDateTime, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { HallDateInput } from '@lib/HallDateInput';
import { notifyError, notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';

const PAGE_SIZE = 50;

function download(name: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function AuditPage() {
  const today = hallDate();
  const [draft, setDraft] = useState<AuditFilter>({ person: '', userId: null, from: addDays(today, -30), to: today, action: null });
  const [applied, setApplied] = useState<AuditFilter>(draft);
  const [page, setPage] = useState(1);
  const chain = useQuery('audit.verify', {}, { errorTitle: '无法核验审计链' });
  const users = useQuery('users.list', {});
  const result = useQuery('audit.query', { filter: applied, page, pageSize: PAGE_SIZE }, { errorTitle: '无法查询审计日志' });
  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  const run = () => {
    setApplied({ ...draft });
    setPage(1);
    if (JSON.stringify(draft) === JSON.stringify(applied) && page === 1) result.reload();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      run();
    }
  };
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'PageDown') setPage((p) => Math.min(pages, p + 1));
      else if (e.key === 'PageUp') setPage((p) => Math.max(1, p - 1));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pages]);

  const exportXlsx = async () => {
    try {
      const out = await call('audit.export', { filter: applied });
      download(out.name, out.base64);
      notifySuccess(`已导出 ${out.rows} 条审计记录：${out.name}`);
    } catch (e) {
      notifyError(e, '审计日志未导出');
    }
  };

  return (
    <Stack maw={1400} gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between">
          <Title order={3}>审计查询</Title>
          <Button variant="default" onClick={chain.reload} loading={chain.loading}>
            重新核验
          </Button>
        </Group>
        {chain.data && (
          <Alert mt="sm" color={chain.data.ok ? 'green' : 'red'} title={chain.data.ok ? '审计链完整' : '审计链断开'} role="status">
            <Text size="sm">{chain.data.message}</Text>
            {chain.data.headHash && (
              <Text size="xs" c="dimmed" ff="monospace">
                最后一条哈希值：{chain.data.headHash}
              </Text>
            )}
          </Alert>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm" wrap="nowrap" onKeyDown={onKeyDown}>
          <TextInput
            label="信访人"
            placeholder="证件号码或姓名"
            value={draft.person}
            onChange={(e) => setDraft({ ...draft, person: e.currentTarget.value })}
            w={190}
            data-autofocus
            autoFocus
          />
          <NativeSelect
            label="用户"
            value={draft.userId ?? ''}
            onChange={(e) => setDraft({ ...draft, userId: e.currentTarget.value || null })}
            data={[
              { value: '', label: '全部用户' },
              ...(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
            ]}
            w={200}
          />
          <HallDateInput label="从" value={draft.from ?? today} onChange={(from) => setDraft({ ...draft, from })} />
          <HallDateInput label="至" value={draft.to ?? today} onChange={(to) => setDraft({ ...draft, to })} />
          <NativeSelect
            label="操作"
            value={draft.action ?? ''}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value || null })}
            data={[{ value: '', label: '全部操作' }, ...(data?.actions ?? []).map((a) => ({ value: a, label: auditActionLabel(a) }))]}
            w={160}
          />
          <Button onClick={run}>查询</Button>
          <Button variant="light" onClick={exportXlsx} disabled={!data || data.total === 0}>
            导出 Excel
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          Enter 查询 · PageDown / PageUp 翻页 · 每次查询和导出本身也记入审计日志
        </Text>
      </Paper>

      <Paper withBorder p="md">
        {data?.personNotFound && (
          <Alert color="yellow" mb="sm">
            没有找到证件号码或姓名为“{applied.person}”的信访人
          </Alert>
        )}
        <Group justify="space-between" mb="xs">
          <Text size="sm">共 {data?.total ?? 0} 条</Text>
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
        <Table striped highlightOnHover stickyHeader fz="sm" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>序号</Table.Th>
              <Table.Th w={190}>时间</Table.Th>
              <Table.Th w={130}>用户</Table.Th>
              <Table.Th w={150}>操作</Table.Th>
              <Table.Th w={150}>涉及信访人</Table.Th>
              <Table.Th>内容</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.rows ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.seq}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</Table.Td>
                <Table.Td>{r.actorName ?? (r.action === 'read' ? '打印页面' : '系统')}</Table.Td>
                <Table.Td>
                  {r.action === 'read' ? <Badge variant="light">{readMethodLabel(r.entity)}</Badge> : auditActionLabel(r.action)}
                </Table.Td>
                <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.persons.join('、')}>
                  {r.persons.join('、')}
                </Table.Td>
                <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.detail}>
                  {r.detail}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
