// Cancelling a session: a reason is required, and it cannot be undone.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError } from '@shared/api/errors';
import type { SessionView } from '@shared/api/schemas/reception';
import { formatCalendarDate } from '@shared/time';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '@lib/notify';
import { weekdayOf } from './roster-dates';

export function CancelSessionDialog({
  session,
  onClose,
  onDone,
}: {
  session: SessionView | null;
  onClose: () => void;
  onDone: () => void;
}) {
  // Keeps the last session shown while the dialog fades out.
  const [shown, setShown] = useState<SessionView | null>(session);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!session) return;
    setShown(session);
    setReason('');
    setError(null);
  }, [session]);
  const submit = async () => {
    if (!session) return;
    if (reason.trim().length < 2) return setError('请填写取消原因');
    setBusy(true);
    try {
      await call('roster.setStatus', { sessionId: session.id, status: 'cancelled', reason: reason.trim() });
      notifySuccess(`已取消 ${session.leaderName} ${formatCalendarDate(session.date)} 的接访`);
      onDone();
      onClose();
    } catch (e) {
      if (e instanceof ApiError) setError(e.fields?.reason ?? e.message);
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={session !== null} onClose={onClose} title="取消接访">
      {shown && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.ctrlKey) {
              e.preventDefault();
              void submit();
            }
          }}
        >
          <Stack>
            <Text>
              取消 {shown.leaderName} {formatCalendarDate(shown.date)}（{weekdayOf(shown.date)}）{shown.start}–{shown.end} 在
              {shown.roomName}的接访？取消后不能恢复，如需接访请重新安排。
            </Text>
            <Textarea
              label="取消原因"
              autosize
              minRows={2}
              data-autofocus
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                返回
              </Button>
              <Button type="submit" color="red" loading={busy}>
                确认取消接访
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
