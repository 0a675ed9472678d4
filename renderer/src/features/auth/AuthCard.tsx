import type { ReactNode } from 'react';
import { Center, Paper, Stack, Text, Title } from '@mantine/core';

/** The centred card used by first-run setup, login and forced password change. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <Center h="100%">
      <Paper shadow="md" p="xl" w={420} radius="md" withBorder>
        <Stack gap="xs" mb="lg">
          <Text c="red.8" fw={700} size="sm">
            信访接待大厅
          </Text>
          <Title order={2}>{title}</Title>
          {subtitle && (
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          )}
        </Stack>
        {children}
      </Paper>
    </Center>
  );
}
