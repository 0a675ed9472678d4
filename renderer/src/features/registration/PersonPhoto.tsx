// The person's kept card photo beside their history, for the clerk's comparison with the visitor
// (only when the hall keeps photos and one is kept; the read is audited by the backend).
import { Image, Stack, Text } from '@mantine/core';
import { formatDate } from '@shared/time';
import { useQuery } from '@lib/use-query';

export function PersonPhoto({ petitionerId }: { petitionerId: string }) {
  const { data } = useQuery('petitioners.photo', { petitionerId }, { errorTitle: false });
  if (!data?.photo) return null;
  return (
    <Stack gap={2} align="center" w={112}>
      <Image src={data.photo} alt="留存的身份证照片" w={88} h={108} fit="contain" radius="sm" style={{ border: '1px solid #ced4da' }} />
      {data.storedAt && (
        <Text size="xs" c="dimmed" ta="center">
          留存于
          <br />
          {formatDate(data.storedAt)}
        </Text>
      )}
    </Stack>
  );
}
