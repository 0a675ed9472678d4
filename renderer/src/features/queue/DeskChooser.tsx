// 选择本机窗口: each PC chooses its desk once; it is remembered.
import { Button, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQueueConfig } from './use-queue';

export function DeskChooser({ onChoose }: { onChoose: (id: string) => void }) {
  const { desks } = useQueueConfig();
  return (
    <Paper withBorder p="lg" maw={480}>
      <Title order={3} mb="sm">
        选择本机窗口
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        每台电脑选择一次，之后自动记住。
      </Text>
      <SimpleGrid cols={3}>
        {desks
          .filter((d) => d.active)
          .map((d) => (
            <Button key={d.id} size="lg" variant="light" onClick={() => onChoose(d.id)}>
              {d.name}
            </Button>
          ))}
      </SimpleGrid>
    </Paper>
  );
}
