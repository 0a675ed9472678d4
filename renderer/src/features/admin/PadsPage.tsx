// 评价器管理 (administrator): pair a pad to a window or talk room with a
// one-time code, see which pads are paired and when each was last seen,
// unpair one, and set how long a question waits.
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PadCode } from '@shared/api/schemas/pads';
import { PAD_CODE_MINUTES } from '@shared/domain/pad';
import { formatDateTime, formatTime } from '@shared/time';
import { call } from '../../api/client';
import { useQuery } from '@lib/use-query';
import { attempt } from '@lib/notify';
import { PadSettingsForm } from './PadSettingsForm';

export function PadsPage() {
  const desks = useQuery('queue.desks', {}).data ?? [];
  const rooms = (useQuery('rooms.list', {}).data ?? []).filter((r) => r.kind === 'talk' && r.active);
  const settings = useQuery('pads.settings', {}).data;
  const pads = useQuery('pads.list', {});
  const [place, setPlace] = useState('');
  const [code, setCode] = useState<PadCode | null>(null);
  const options = [
    { value: '', label: '请选择窗口或接谈室' },
    ...desks.filter((d) => d.active).map((d) => ({ value: `desk:${d.id}`, label: `${d.number}号窗口` })),
    ...rooms.map((r) => ({ value: `room:${r.id}`, label: r.name })),
  ];
  const makeCode = async () => {
    const [kind, id] = place.split(':');
    const made = await attempt(() => call('pads.pairCode', kind === 'room' ? { roomId: id! } : { deskId: id ?? '' }));
    if (made) setCode(made);
  };
  const revoke = async (padId: string) => {
    if ((await attempt(() => call('pads.revoke', { padId }), '已解除配对')) !== undefined) pads.reload();
  };
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }}>
      <Stack>
        <Paper withBorder p="md">
          <Title order={3} mb="md">
            评价器配对
          </Title>
          <Text size="sm" mb="sm">
            在窗口或接谈室的平板浏览器中打开本服务的 /#/pad 页面，输入下面生成的配对码。配对码{PAD_CODE_MINUTES}分钟内有效，只能用一次。
          </Text>
          <Group align="end">
            <NativeSelect label="配对到" w={260} data={options} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
            <Button onClick={() => void makeCode()} disabled={!place}>
              生成配对码
            </Button>
          </Group>
          {code && (
            <Alert mt="md" color="teal" title={`${code.place.name}的配对码`}>
              <Text fz={48} fw={700} ff="monospace" lts={8} data-testid="pad-code">
                {code.code}
              </Text>
              <Text size="sm">{formatTime(code.expiresAt)} 前有效</Text>
            </Alert>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>已配对的评价器</Title>
            <Button size="xs" variant="default" onClick={pads.reload}>
              刷新
            </Button>
          </Group>
          {pads.data && pads.data.length === 0 && <Text c="dimmed">尚无配对的评价器</Text>}
          <Table aria-label="已配对的评价器">
            <Table.Tbody>
              {pads.data?.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={700}>{p.place.name}</Table.Td>
                  <Table.Td>配对于 {formatDateTime(p.pairedAt)}</Table.Td>
                  <Table.Td>{p.lastSeenAt ? `最近在线 ${formatDateTime(p.lastSeenAt)}` : ''}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => void revoke(p.id)}>
                      解除配对
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
      <Paper withBorder p="md">
        <Title order={3} mb="md">
          评价器设置
        </Title>
        {settings && <PadSettingsForm initial={settings} />}
      </Paper>
    </SimpleGrid>
  );
}
