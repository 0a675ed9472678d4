// Beside the form: who this person is and what they came about before, so the
// clerk knows a repeat visit before asking, and links it to its matter.
import { Alert, Anchor, Badge, Group, Paper, Radio, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { History, PetitionerInfo } from '@shared/api/schemas/visits';
import { formatCalendarDate, formatDate, formatDateTime } from '@shared/time';
import { categoryLabel, idTypeName } from '@lib/labels';
import { KindBadge } from './KindBadge';
import { PersonPhoto } from './PersonPhoto';

export function PersonSummary({ p }: { p: PetitionerInfo }) {
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Title order={4}>{p.name}</Title>
        {p.gender && <Badge variant="light">{p.gender === 'male' ? '男' : '女'}</Badge>}
        <Badge variant="light" color={p.visitCount > 0 ? 'orange' : 'gray'}>
          来访 {p.visitCount} 次
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {idTypeName(p.idType)} {p.idNumber || '（无证件）'}
        {p.birthDate ? ` · ${formatCalendarDate(p.birthDate)}出生` : ''}
      </Text>
      {(p.phone || p.address) && (
        <Text size="sm" c="dimmed">
          {[p.phone, p.address].filter(Boolean).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

export function HistoryPanel({
  history,
  matterId,
  onMatter,
}: {
  history: History;
  matterId: string | null;
  onMatter: (id: string | null) => void;
}) {
  const { petitioner, visits, matters } = history;
  return (
    <Paper withBorder p="md" role="region" aria-label="来访历史">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <PersonSummary p={petitioner} />
          {history.photoKept && <PersonPhoto petitionerId={petitioner.id} />}
        </Group>
        {matters.length > 0 && (
          <Alert color="orange" variant="light" title={`此人已有 ${matters.length} 件信访事项`}>
            本次如涉及已登记事项，请选择关联（记为重复访）；新问题请选“新事项”（初访）。
          </Alert>
        )}
        {matters.length > 0 && (
          <Radio.Group
            value={matterId ?? 'new'}
            onChange={(v) => onMatter(v === 'new' ? null : v)}
            label="本次来访涉及"
            aria-label="本次来访涉及的事项"
          >
            <Stack gap={6} mt={6}>
              {matters.map((m) => {
                const ended = m.endedNotice;
                return (
                  <Radio
                    key={m.id}
                    value={m.id}
                    label={
                      <Stack gap={2}>
                        <Text size="sm">
                          <b>{categoryLabel(m.category)}</b>：{m.summary}
                          <Text span c="dimmed" size="xs">
                            {' '}
                            （{m.firstVisitNo} 起，共来访 {m.visitCount} 次，最近 {formatDate(m.lastVisitAt)}）
                          </Text>{' '}
                          <Anchor href={`#/matters/${m.id}`} size="xs" tabIndex={-1}>
                            查看事项
                          </Anchor>
                        </Text>
                        {ended && (
                          <Text size="sm" fw={700} c="white" bg="red.8" px={8} py={2} w="fit-content" role="alert" data-testid="ended-flag">
                            ⚑ {ended}
                          </Text>
                        )}
                      </Stack>
                    }
                  />
                );
              })}
              <Radio value="new" label={<Text size="sm">新事项（初访）</Text>} />
            </Stack>
          </Radio.Group>
        )}
        <Text fw={600} size="sm">
          历次来访
        </Text>
        {visits.length === 0 ? (
          <Text size="sm" c="dimmed">
            无来访记录
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Table striped verticalSpacing={4} fz="sm" aria-label="历次来访">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>日期</Table.Th>
                  <Table.Th>类别</Table.Th>
                  <Table.Th>诉求摘要</Table.Th>
                  <Table.Th>结果</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visits.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(v.registeredAt)}
                      <br />
                      <KindBadge kind={v.kind} size="sm" />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{categoryLabel(v.category)}</Table.Td>
                    <Table.Td miw={96}>{v.summary}</Table.Td>
                    <Table.Td miw={96}>
                      {v.outcome ? (
                        <Text size="sm" lineClamp={2} title={v.outcome}>
                          {v.outcome}
                        </Text>
                      ) : (
                        <Text span c="dimmed" size="sm">
                          待处理
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}
