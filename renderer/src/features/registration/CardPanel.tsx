// What the card just read says, for the clerk to compare with the person at the window: the
// photo (shown, not stored unless the administrator turned that on), the fields the form does
// not keep, the validity (an expired card is marked), and any disagreement between the card's
// sex or birth date and its number (shown, never silently fixed).
import { Alert, Badge, Group, Image, Paper, Stack, Text } from '@mantine/core';
import type { CardRead } from '@shared/api/schemas/reader';
import { checkCard } from '@shared/domain/card-reader';
import { formatCalendarDate, hallDate } from '@shared/time';

export function CardPanel({ card, photoStored }: { card: CardRead; photoStored: boolean }) {
  const check = checkCard(card, hallDate());
  const validTo = card.validLongTerm ? '长期' : card.validTo ? formatCalendarDate(card.validTo) : '未读到';
  return (
    <Paper withBorder p="md" data-testid="card-panel">
      <Group align="flex-start" wrap="nowrap" gap="md">
        {card.photo ? (
          <Image
            src={card.photo}
            alt="证件照片"
            w={102}
            h={126}
            fit="contain"
            radius="sm"
            style={{ flex: 'none', border: '1px solid var(--mantine-color-gray-3)' }}
          />
        ) : (
          <Paper w={102} h={126} withBorder style={{ flex: 'none', display: 'grid', placeItems: 'center' }}>
            <Text size="xs" c="dimmed">
              无照片
            </Text>
          </Paper>
        )}
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700} size="lg">
              {card.name}
            </Text>
            <Badge variant="light">身份证读卡</Badge>
            {check.expired ? (
              <Badge color="red" data-testid="card-expired">
                证件已过期
              </Badge>
            ) : (
              <Badge color="teal" variant="light">
                有效期内
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {card.sex === 'male' ? '男' : card.sex === 'female' ? '女' : '性别未读到'} · {card.nation ? `${card.nation}族` : '民族未读到'} ·{' '}
            {card.birthDate ? `${formatCalendarDate(card.birthDate)}出生` : '出生日期未读到'}
          </Text>
          <Text size="sm">签发机关：{card.authority || '未读到'}</Text>
          <Text size="sm" c={check.expired ? 'red.8' : undefined} fw={check.expired ? 700 : undefined}>
            有效期限：<span style={{ whiteSpace: 'nowrap' }}>{card.validFrom ? formatCalendarDate(card.validFrom) : '未读到'}</span> 至{' '}
            <span style={{ whiteSpace: 'nowrap' }}>{validTo}</span>
          </Text>
          <Text size="xs" c="dimmed">
            {photoStored ? '照片已按管理员设置保存。' : '照片仅供当面核对，不保存。'}
          </Text>
        </Stack>
      </Group>
      {check.mismatches.length > 0 && (
        <Alert color="orange" mt="sm" title="证件信息与号码不一致，请当面核对" data-testid="card-mismatch">
          {check.mismatches.map((m) => (
            <Text key={m} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      )}
    </Paper>
  );
}
