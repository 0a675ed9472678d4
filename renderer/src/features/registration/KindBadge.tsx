import { Badge } from '@mantine/core';
import { kindLabel } from '@lib/labels';

export function KindBadge({ kind, size = 'md' }: { kind: 'first' | 'repeat'; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  return (
    <Badge color={kind === 'repeat' ? 'orange' : 'teal'} variant="filled" size={size} radius="sm">
      {kindLabel(kind)}
    </Badge>
  );
}
