// 取消 a booking, with the reason kept in the log; the visitor is then told (InformDialog).
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { BookingView, InformNotice } from '@shared/api/schemas/reception';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';

interface Props {
  booking: BookingView | null;
  onClose: () => void;
  onInform: (i: InformNotice | null) => void;
}

export function CancelBookingDialog({ booking, onClose, onInform }: Props) {
  return (
    <Modal opened={booking !== null} onClose={onClose} title={`取消接访：${booking?.name ?? ''}`}>
      {booking && <CancelForm key={booking.id} booking={booking} onClose={onClose} onInform={onInform} />}
    </Modal>
  );
}

function CancelForm({ booking, onClose, onInform }: Props & { booking: BookingView }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      const r = await call('reception.cancel', { bookingId: booking.id, reason });
      onClose();
      onInform(r.inform);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Text size="sm">取消后该时段空出，{booking.ticketNo ? `号码 ${booking.ticketNo} 作废。` : ''}此操作会记入日志。</Text>
        <TextInput label="取消原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            返回
          </Button>
          <Button color="red" type="submit">
            确定取消
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
