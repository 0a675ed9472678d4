import { Kbd, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { PetitionerInfo } from '@shared/api/schemas/visits';
import { formatDate } from '@shared/time';
import { maskIdNumber } from '@shared/domain/identity';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';

/** F3: find a person by ID number, phone, name or pinyin initials (张三丰 → zsf). */
export function PersonSearch({ opened, onClose, onPick }: { opened: boolean; onClose: () => void; onPick: (p: PetitionerInfo) => void }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const [rows, setRows] = useState<PetitionerInfo[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** The query the rows answer; Enter typed before they arrive picks the first row once they do. */
  const [loadedFor, setLoadedFor] = useState('');
  const pendingEnter = useRef(false);

  const pick = (p: PetitionerInfo | undefined) => {
    pendingEnter.current = false;
    if (!p) return;
    onPick(p);
    setQ('');
    onClose();
  };

  useEffect(() => {
    if (!debounced) return setRows([]);
    let live = true;
    call('petitioners.search', { q: debounced })
      .then((r) => {
        if (!live) return;
        setRows(r);
        setActive(0);
        setError(null);
        setLoadedFor(debounced);
      })
      .catch((e: unknown) => {
        pendingEnter.current = false;
        if (live) setError(messageOf(e));
      });
    return () => {
      live = false;
    };
  }, [debounced]);

  useEffect(() => {
    if (pendingEnter.current && loadedFor && loadedFor === q.trim()) pick(rows[0]);
    // pick closes the dialog: only the arrival of rows for the typed text matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, loadedFor]);

  return (
    <Modal
      opened={opened}
      onClose={() => {
        pendingEnter.current = false;
        onClose();
      }}
      title="查找来访人"
      size="xl"
    >
      <Stack>
        <TextInput
          data-autofocus
          aria-label="查找内容"
          placeholder="身份证号、电话、姓名或姓名拼音首字母（如 zsf）"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, rows.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              // Typed faster than the search answers: pick the first row when it does.
              if (q.trim() && loadedFor !== q.trim()) pendingEnter.current = true;
              else pick(rows[active]);
            } else return;
            e.preventDefault();
          }}
          error={error}
        />
        <Text size="xs" c="dimmed">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> 选择，<Kbd>Enter</Kbd> 确定，<Kbd>Esc</Kbd> 关闭
        </Text>
        {debounced && rows.length === 0 && !error && <Text c="dimmed">没有找到匹配的来访人</Text>}
        {rows.length > 0 && (
          <Table highlightOnHover aria-label="查找结果">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>姓名</Table.Th>
                <Table.Th>证件号码</Table.Th>
                <Table.Th>电话</Table.Th>
                <Table.Th>来访次数</Table.Th>
                <Table.Th>最近来访</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p, i) => (
                <Table.Tr key={p.id} bg={i === active ? 'red.0' : undefined} style={{ cursor: 'pointer' }} onClick={() => pick(p)}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>{p.idNumber ? maskIdNumber(p.idNumber) : '无证件'}</Table.Td>
                  <Table.Td>{p.phone}</Table.Td>
                  <Table.Td>{p.visitCount}</Table.Td>
                  <Table.Td>{p.lastVisitAt ? formatDate(p.lastVisitAt) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
