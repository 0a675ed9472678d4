import { Group, Loader, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isDatabaseDown, onDatabaseStatus } from '../api/client';

/**
 * 数据库连接中断: shown across the top while calls answer DB_UNAVAILABLE,
 * gone at the first call that succeeds. The page under it stays as it was, so
 * a form keeps what the clerk typed.
 */
export function DatabaseBanner() {
  const [down, setDown] = useState(isDatabaseDown);
  useEffect(() => onDatabaseStatus(setDown), []);
  if (!down) return null;
  return (
    <Paper
      role="alert"
      aria-label="数据库连接中断"
      aria-live="assertive"
      radius={0}
      px="md"
      bg="yellow.2"
      // Over the 52-px header, which it stands in for while the database is gone.
      style={{
        position: 'fixed',
        top: 0,
        left: 0,
        right: 0,
        height: 52,
        zIndex: 2000,
        borderBottom: '3px solid var(--mantine-color-yellow-7)',
      }}
    >
      <Group gap="sm" justify="center" wrap="nowrap" h="100%">
        <Loader size="sm" color="yellow.9" />
        <Text fw={700} c="yellow.9" size="lg">
          数据库连接中断
        </Text>
        <Text c="dark.7">正在自动重试…已保存的内容不受影响；尚未保存的表单内容仍保留在屏幕上，恢复后请再次提交。</Text>
      </Group>
    </Paper>
  );
}
