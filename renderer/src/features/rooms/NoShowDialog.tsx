// 未到 (F7) asks first: Enter confirms, Esc cancels. The talk notes typed so far
// stay as a draft (use-talk-draft.ts), there again when the visitor is called back.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { QueueVisitor } from '@shared/api/schemas/reception';

export function NoShowDialog({
  visitor,
  onConfirm,
  onClose,
}: {
  visitor: QueueVisitor | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={visitor !== null} onClose={onClose} title="确认未到">
      <Stack>
        <Text>
          {visitor?.name}（{visitor?.ticketNo ?? '约访'}）叫号后未进入接谈室，标记为未到吗？已写的接谈情况保留为草稿，再次叫号时仍在。
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消（Esc）
          </Button>
          <Button color="orange" data-autofocus onClick={onConfirm}>
            标记未到（Enter）
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
