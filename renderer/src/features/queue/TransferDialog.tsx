// 转移 (F8): the ticket goes to another lane or to a named desk, with a reason.
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DeskView, LaneView, TicketView } from '@shared/api/schemas/queue';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '@lib/notify';

export function TransferDialog({
  ticket,
  lanes,
  desks,
  onClose,
}: {
  ticket: TicketView | null;
  lanes: LaneView[];
  desks: DeskView[];
  onClose: () => void;
}) {
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const options = [
    {
      group: '转到队列',
      items: lanes
        .filter((l) => l.active && l.id !== ticket?.laneId)
        .map((l) => ({ value: `lane:${l.id}`, label: `${l.prefix} ${l.name}` })),
    },
    { group: '转到窗口', items: desks.filter((d) => d.active).map((d) => ({ value: `desk:${d.id}`, label: d.name })) },
  ];
  const submit = async () => {
    if (!ticket || !target) return;
    const [kind, id] = target.split(':') as ['lane' | 'desk', string];
    setBusy(true);
    try {
      const t = await call('queue.transfer', {
        ticketId: ticket.id,
        toLaneId: kind === 'lane' ? id : null,
        toDeskId: kind === 'desk' ? id : null,
        reason,
      });
      notifySuccess(`${t.ticketNo} 已转${kind === 'lane' ? `到 ${t.laneName}` : `到${t.deskNumber ?? ''}号窗口`}`);
      setTarget(null);
      setReason('');
      onClose();
    } catch (e) {
      notifyError(e, '转移未完成');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={ticket !== null} onClose={onClose} title={`转移 ${ticket?.ticketNo ?? ''}`}>
      <Stack>
        <Select label="转往" data={options} value={target} onChange={setTarget} placeholder="选择队列或窗口" data-autofocus searchable />
        <TextInput label="原因（可不填）" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={() => void submit()} disabled={!target} loading={busy}>
            转移
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
