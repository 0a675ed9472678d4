import { Badge } from '@mantine/core';
import type { SessionView } from '@shared/api/schemas/reception';

const STATUS: Record<SessionView['status'], { label: string; color: string }> = {
  draft: { label: '草稿', color: 'orange' },
  published: { label: '已发布', color: 'teal' },
  cancelled: { label: '已取消', color: 'gray' },
};

export function SessionStatusBadge({ status }: { status: SessionView['status'] }) {
  return (
    <Badge size="lg" color={STATUS[status].color} variant={status === 'published' ? 'filled' : 'light'}>
      {STATUS[status].label}
    </Badge>
  );
}
