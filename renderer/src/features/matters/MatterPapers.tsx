// The matter page's papers: what the rule allows now, the print log and the archive.
import { Paper, Title } from '@mantine/core';
import type { MatterView } from '@shared/api/schemas/matters';
import { PapersPanel } from '../printing/PapersPanel';

export function MatterPapers({ m }: { m: MatterView }) {
  return (
    <Paper withBorder p="sm" aria-label="文书">
      <Title order={5} mb="xs">
        文书
      </Title>
      <PapersPanel matter={m} />
    </Paper>
  );
}
