// The card reader's status light on the registration screen, with its message and the
// read-now button (F1). Green: ready or card read; grey: no reader set; red: a fault.
import { Button, Group, Kbd, Text, Tooltip } from '@mantine/core';
import type { ReaderState } from '@shared/api/schemas/reader';

const COLORS: Record<ReaderState['light'], string> = {
  off: 'var(--mantine-color-gray-5)',
  ready: 'var(--mantine-color-teal-6)',
  card: 'var(--mantine-color-blue-6)',
  fault: 'var(--mantine-color-red-6)',
};

const SHORT: Record<ReaderState['light'], string> = { off: '未启用读卡器', ready: '读卡器就绪', card: '已读卡', fault: '读卡器故障' };

export function CardReaderStatus({ state, onRead }: { state: ReaderState | null; onRead: () => void }) {
  const light = state?.light ?? 'off';
  return (
    <Group gap={6} wrap="nowrap" data-testid="reader-status" data-light={light}>
      <Tooltip label={state?.message ?? '正在连接读卡器…'} multiline maw={360}>
        <Group gap={6} wrap="nowrap" aria-live="polite" data-testid="reader-light">
          <span style={{ width: 12, height: 12, borderRadius: 6, background: COLORS[light], display: 'inline-block', flex: 'none' }} />
          <Text size="sm" c={light === 'fault' ? 'red.8' : 'dimmed'} maw={260} truncate="end">
            {light === 'fault' && state ? state.message : SHORT[light]}
          </Text>
        </Group>
      </Tooltip>
      {light !== 'off' && (
        <Button variant="default" size="xs" onClick={onRead}>
          读卡 <Kbd ml={6}>F1</Kbd>
        </Button>
      )}
    </Group>
  );
}
