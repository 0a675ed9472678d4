import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatCalendarDate, formatTime, hallDate } from '@shared/time';
import { categoryLabel } from '@lib/labels';
import { useQuery } from '@lib/use-query';
import { KindBadge } from './KindBadge';
import { VisitDrawer } from './VisitDrawer';

/** 今日来访: every registration of the day, newest first, kept current by pushed events. */
export function TodayPage() {
  const { data: rows } = useQuery('visits.listDay', {}, { invalidatedBy: ['visits.changed'], errorTitle: '无法读取今日来访' });
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3}>今日来访</Title>
        <Text c="dimmed">
          {formatCalendarDate(hallDate())} · 共 {rows?.length ?? 0} 条
        </Text>
      </Group>
      {rows && rows.length === 0 && <Text c="dimmed">今天还没有来访登记</Text>}
      {rows && rows.length > 0 && (
        <Table highlightOnHover striped aria-label="今日来访列表">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>登记编号</Table.Th>
              <Table.Th>时间</Table.Th>
              <Table.Th>姓名</Table.Th>
              <Table.Th>初/重</Table.Th>
              <Table.Th>人数</Table.Th>
              <Table.Th>内容分类</Table.Th>
              <Table.Th>诉求摘要</Table.Th>
              <Table.Th>处理结果</Table.Th>
              <Table.Th>登记人</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr
                key={v.id}
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                onClick={() => setOpenId(v.id)}
                onKeyDown={(e) => e.key === 'Enter' && setOpenId(v.id)}
              >
                <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {v.visitNo}
                  {v.correctedAt && (
                    <Badge ml={6} size="xs" color="gray" variant="outline">
                      已更正
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatTime(v.registeredAt)}</Table.Td>
                <Table.Td>{v.name}</Table.Td>
                <Table.Td>
                  <KindBadge kind={v.kind} size="sm" />
                </Table.Td>
                <Table.Td>
                  {v.peopleCount}
                  {v.isGroup && (
                    <Badge ml={4} size="xs" color="orange">
                      集体访
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{categoryLabel(v.category)}</Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2}>
                    {v.summary}
                  </Text>
                </Table.Td>
                <Table.Td maw={220}>
                  {v.outcome ? (
                    <Text size="sm" lineClamp={2}>
                      {v.outcome}
                    </Text>
                  ) : (
                    <Badge color="orange" variant="light">
                      待处理
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{v.registeredByName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <VisitDrawer visitId={openId} onClose={() => setOpenId(null)} />
    </Paper>
  );
}
