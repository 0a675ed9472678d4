// After 改约 or 取消: whom to phone (or tell) and what to say. The notice stays
// until the clerk confirms it, so the visitor is never left uninformed.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { InformNotice } from '@shared/api/schemas/reception';

export function InformDialog({ inform, onClose }: { inform: InformNotice | null; onClose: () => void }) {
  return (
    <Modal opened={inform !== null} onClose={onClose} title="请通知来访人" closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange" variant="light" role="alert" aria-label="需通知">
          <Text fw={600}>{inform?.message}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            已记下，稍后通知
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
