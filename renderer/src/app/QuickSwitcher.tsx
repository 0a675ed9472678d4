import { Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { matchesNav, shortcutOf, type NavItem } from './nav';

/** Ctrl+K: type part of a screen's name or its pinyin initials (期限, qxtx), Enter opens it. */
export function QuickSwitcher({
  opened,
  items,
  onClose,
  onOpen,
}: {
  opened: boolean;
  items: NavItem[];
  onClose: () => void;
  onOpen: (path: string) => void;
}) {
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const shown = items.filter((n) => matchesNav(n, q));
  const current = Math.min(active, Math.max(shown.length - 1, 0));
  const close = () => {
    setQ('');
    setActive(0);
    onClose();
  };
  const open = (n: NavItem | undefined) => {
    if (!n) return;
    close();
    onOpen(n.path);
  };
  return (
    <Modal opened={opened} onClose={close} title="切换页面" size="md" yOffset="12vh">
      <Stack gap="xs">
        <TextInput
          data-autofocus
          aria-label="页面名称"
          placeholder="输入页面名称或拼音首字母（如 期限、qxtx）"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'ArrowDown') setActive(Math.min(current + 1, shown.length - 1));
            else if (e.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
            else if (e.key === 'Enter') open(shown[current]);
            else return;
            e.preventDefault();
          }}
        />
        <Stack gap={2} role="listbox" aria-label="页面">
          {shown.map((n, i) => {
            const key = shortcutOf(items.indexOf(n));
            return (
              <UnstyledButton
                key={n.path}
                role="option"
                aria-selected={i === current}
                tabIndex={-1}
                px="sm"
                py={6}
                bg={i === current ? 'blue.0' : undefined}
                style={{ borderRadius: 4 }}
                onMouseEnter={() => setActive(i)}
                onClick={() => open(n)}
              >
                <Group justify="space-between">
                  <Text fw={i === current ? 700 : 500}>{n.label}</Text>
                  {key && (
                    <Text size="xs" c="dimmed">
                      {key}
                    </Text>
                  )}
                </Group>
              </UnstyledButton>
            );
          })}
          {shown.length === 0 && <Text c="dimmed">没有匹配的页面</Text>}
        </Stack>
        <Text size="xs" c="dimmed">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> 选择，<Kbd>Enter</Kbd> 打开，<Kbd>Esc</Kbd> 关闭
        </Text>
      </Stack>
    </Modal>
  );
}
