import { Badge, Group } from '@mantine/core';
import type { TicketView } from '@shared/api/schemas/queue';
import { labelOf } from '@shared/domain/categories';
import { PRIORITY_REASONS } from '@shared/domain/queue';
import { formatTime } from '@shared/time';

export function TicketBadges({ t }: { t: TicketView }) {
  return (
    <Group gap={4}>
      {t.priority && (
        <Badge color="orange" variant="filled" size="sm">
          优先·{labelOf(PRIORITY_REASONS, t.priority)}
        </Badge>
      )}
      {t.appointmentAt && (
        <Badge color="grape" size="sm">
          约访 {formatTime(t.appointmentAt)}
        </Badge>
      )}
      {t.callCount > 1 && (
        <Badge color="gray" size="sm">
          已呼{t.callCount}次
        </Badge>
      )}
    </Group>
  );
}
