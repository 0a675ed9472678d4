// 期限提醒: written answers and handling still open, by due date — overdue in
// red, due today and within three days flagged — with 已书面告知 / 已办结 and
// the one 延期 a matter may have.
import { Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DueItem } from '@shared/api/schemas/reception';
import { formatCalendarDate, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { messageOf } from '@lib/form-errors';
import { notifyError, notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';
import { printSlip } from '../printing/print-slip';
import { talkOutcomeText } from './VisitorPanel';

const STATE: Record<DueItem['state'], { label: string; color: string }> = {
  overdue: { label: '已逾期', color: 'red' },
  due_today: { label: '今日到期', color: 'orange' },
  due_soon: { label: '即将到期', color: 'yellow' },
  ok: { label: '未到期', color: 'gray' },
};

export function DuePage() {
  const { user } = useAuth();
  const [includeDone, setIncludeDone] = useState(false);
  const { data } = useQuery('reception.dueList', { includeDone }, { invalidatedBy: ['reception.changed'] });
  const [extending, setExtending] = useState<DueItem | null>(null);
  const today = hallDate();
  const mark = async (d: DueItem) => {
    try {
      await call('reception.progress', { talkId: d.talk.id, step: d.which === 'reply' ? 'replied' : 'concluded', date: today });
      notifySuccess(d.which === 'reply' ? `${d.talk.name}：已登记书面告知` : `${d.talk.name}：已登记办结`);
    } catch (e) {
      notifyError(e);
    }
  };
  const overdue = data?.filter((d) => d.state === 'overdue').length ?? 0;
  const soon = data?.filter((d) => d.state === 'due_soon' || d.state === 'due_today').length ?? 0;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>期限提醒</Title>
        <Group>
          {overdue > 0 && (
            <Badge color="red" size="lg">
              逾期 {overdue} 件
            </Badge>
          )}
          {soon > 0 && (
            <Badge color="orange" size="lg">
              3日内到期 {soon} 件
            </Badge>
          )}
          <Checkbox label="显示已完成" checked={includeDone} onChange={(e) => setIncludeDone(e.currentTarget.checked)} />
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Table striped aria-label="期限列表">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>到期日</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>事项</Table.Th>
              <Table.Th>来访人</Table.Th>
              <Table.Th>处理结果</Table.Th>
              <Table.Th>接谈领导</Table.Th>
              <Table.Th>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.map((d) => {
              const done = d.which === 'reply' ? d.talk.repliedOn : d.talk.concludedOn;
              return (
                <Table.Tr key={`${d.talk.id}${d.which}`}>
                  <Table.Td fw={600}>{formatCalendarDate(d.due)}</Table.Td>
                  <Table.Td>
                    {done ? (
                      <Badge color="teal" variant="light">
                        已完成
                      </Badge>
                    ) : (
                      <Badge color={STATE[d.state].color} variant={d.state === 'ok' ? 'light' : 'filled'}>
                        {STATE[d.state].label}
                        {d.state === 'overdue' ? ` ${-d.daysLeft}天` : d.state === 'due_soon' ? ` 剩${d.daysLeft}天` : ''}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {d.which === 'reply' ? '书面告知' : d.talk.extensionDays ? `办理（已延期${d.talk.extensionDays}日）` : '办理'}
                  </Table.Td>
                  <Table.Td>
                    {d.talk.name}
                    <Text span size="xs" c="dimmed">{`  ${d.talk.visitNo}`}</Text>
                  </Table.Td>
                  <Table.Td>{talkOutcomeText(d.talk)}</Table.Td>
                  <Table.Td>{d.talk.leaderName}</Table.Td>
                  <Table.Td>
                    {!done && (
                      <Group gap={4}>
                        <Button size="compact-sm" variant="light" onClick={() => void mark(d)}>
                          {d.which === 'reply' ? '已书面告知' : '已办结'}
                        </Button>
                        {d.which === 'handle' && d.talk.extensionDays !== null && (
                          <Button size="compact-sm" variant="default" onClick={() => void printSlip('extension_notice', d.talk.id)}>
                            打印延期告知书
                          </Button>
                        )}
                        {d.which === 'handle' && d.talk.extensionDays === null && user.role !== 'clerk' && (
                          <Button size="compact-sm" variant="default" onClick={() => setExtending(d)}>
                            延期
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed">没有待办的期限</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <ExtendDialog item={extending} onClose={() => setExtending(null)} />
    </Stack>
  );
}

function ExtendDialog({ item, onClose }: { item: DueItem | null; onClose: () => void }) {
  const [days, setDays] = useState<number | ''>(30);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Each matter starts with a clean form: nothing from the last one carries over.
  useEffect(() => {
    setDays(30);
    setReason('');
    setError(null);
  }, [item]);
  const submit = async () => {
    if (!item) return;
    try {
      const t = await call('reception.extend', { talkId: item.talk.id, days: days === '' ? 0 : days, reason });
      notifySuccess(`办理期限延至 ${formatCalendarDate(t.handleDue!)}，请向来访人送达延期告知书`);
      setReason('');
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Modal opened={item !== null} onClose={onClose} title={`延期办理：${item?.talk.name ?? ''}`}>
      <Stack>
        <Text size="sm">办理期限只能延长一次，最多30日；须将延期理由告知来访人。</Text>
        <NumberInput label="延期天数" min={1} max={30} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : '')} w={160} />
        <Textarea label="延期理由" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={() => void submit()}>确定延期</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
