// 越号呼叫: a ticket called out of its turn, with the reason (kept in the log).
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TicketView } from '@shared/api/schemas/queue';
import { call } from '../../api/client';

export function OutOfOrderDialog({ deskId, ticket, onClose }: { deskId: string; ticket: TicketView | null; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!ticket) return;
    try {
      await call('queue.callTicket', { deskId, ticketId: ticket.id, reason });
      setReason('');
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : '叫号失败');
    }
  };
  return (
    <Modal opened={ticket !== null} onClose={onClose} title={`越号呼叫 ${ticket?.ticketNo ?? ''}`}>
      <Stack>
        <TextInput
          label="越号原因"
          withAsterisk
          value={reason}
          onChange={(e) => (setReason(e.currentTarget.value), setError(null))}
          error={error}
          data-autofocus
          onKeyDown={(e) => e.key === 'Enter' && void submit()}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={() => void submit()}>呼叫</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
