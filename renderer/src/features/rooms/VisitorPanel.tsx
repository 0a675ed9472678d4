// Everything the leader should know before and during the talk: who, how many,
// with which escort, what about, earlier visits and the answers given before.
import { Badge, Divider, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { QueueVisitor, TalkRecordView } from '@shared/api/schemas/reception';
import { labelOf } from '@shared/domain/categories';
import { decisionText } from '@shared/domain/matter';
import { SATISFACTION } from '@shared/domain/reception';
import { formatCalendarDate, formatDate } from '@shared/time';
import { categoryLabel, kindLabel } from '@lib/labels';

/** A talk's decision on one line (the matter page has its dates and later steps). */
export function talkOutcomeText(t: TalkRecordView): string {
  const text = decisionText({ decision: t.outcome, unit: t.unit });
  return t.reason && !t.unit ? `${text}：${t.reason}` : text;
}

export function VisitorPanel({ v }: { v: QueueVisitor }) {
  const visits = v.history?.visits ?? [];
  return (
    <Paper withBorder p="md" aria-label="来访人情况">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>
            {v.ticketNo ?? ''} {v.name}
          </Title>
          <Group gap={6}>
            {v.peopleCount >= 5 && <Badge color="red">集体访 {v.peopleCount} 人</Badge>}
            <Badge variant="light">进入接谈 {v.attendees} 人</Badge>
            {visits.length > 1 && <Badge color="orange">第 {visits.length} 次来访</Badge>}
          </Group>
        </Group>
        <Text size="sm">
          {v.visitNo} · {categoryLabel(v.category)} · 电话 {v.phone || '未留'}
          {v.escort && ` · 陪访：${v.escort}`}
        </Text>
        <Text>{v.summary}</Text>
        {v.earlierTalks.length > 0 && (
          <>
            <Divider label="此前领导接谈与答复" labelPosition="left" />
            {v.earlierTalks.map((t) => (
              <Paper key={t.id} bg="gray.0" p="xs">
                <Text size="sm" fw={600}>
                  {formatCalendarDate(t.decidedOn)} {t.leaderName} · {talkOutcomeText(t)}
                  {t.satisfaction && ` · ${labelOf(SATISFACTION, t.satisfaction)}`}
                </Text>
                <Text size="sm">{t.notes}</Text>
              </Paper>
            ))}
          </>
        )}
        {visits.length > 0 && (
          <>
            <Divider label="来访历史" labelPosition="left" />
            <Table fz="sm" aria-label="来访历史">
              <Table.Tbody>
                {visits.slice(0, 8).map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td w={130} style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(h.registeredAt)}
                    </Table.Td>
                    <Table.Td w={60}>{kindLabel(h.kind)}</Table.Td>
                    <Table.Td>{h.summary}</Table.Td>
                    <Table.Td w={140}>{h.outcome ?? '待处理'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
