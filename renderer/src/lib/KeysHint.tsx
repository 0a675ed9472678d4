import { Text } from '@mantine/core';

/** The hint under a keyboard-first dialog (see dialogKeys). */
export function KeysHint() {
  return (
    <Text size="xs" c="dimmed">
      Enter 下一项，Ctrl+Enter 保存
    </Text>
  );
}
