import { Button, Group, Paper, Text } from '@mantine/core';
import type { TicketView } from '@shared/api/schemas/queue';

/** Tickets set aside (parked, no-show) with the one action that brings each back. */
export function SideList({
  title,
  tickets,
  action,
  onAction,
}: {
  title: string;
  tickets: TicketView[];
  action: string;
  onAction: (t: TicketView) => void;
}) {
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        {title}
      </Text>
      {tickets.length === 0 && (
        <Text c="dimmed" size="sm">
          无
        </Text>
      )}
      {tickets.map((t) => (
        <Group key={t.id} justify="space-between">
          <Text>
            {t.ticketNo} {t.visitorName}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => onAction(t)}>
            {action}
          </Button>
        </Group>
      ))}
    </Paper>
  );
}
