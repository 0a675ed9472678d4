// The matter's papers: those the rules offer now (offeredPapers), to preview and print.
import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { MatterView } from '@shared/api/schemas/matters';
import type { PrintTemplate } from '@shared/api/schemas/printing';
import { call } from '../../api/client';
import { notifyError } from '@lib/notify';
import { printSlip } from '../printing/print-slip';
import { offeredPapers } from './matter-papers';

export function MatterPapers({ m }: { m: MatterView }) {
  const papers = offeredPapers(m);
  const [preview, setPreview] = useState<{ label: string; route: string } | null>(null);
  const show = (template: PrintTemplate, label: string) =>
    void call('print.preview', { template, refId: m.id }).then(
      (r) => setPreview({ label, route: r.route }),
      (e: unknown) => notifyError(e, `${label}无法预览`),
    );
  return (
    <Paper withBorder p="sm" aria-label="文书">
      <Title order={5} mb="xs">
        文书
      </Title>
      {papers.length === 0 && (
        <Text size="sm" c="dimmed">
          当前没有可打印的文书
        </Text>
      )}
      <Stack gap={6}>
        {papers.map((p) => (
          <Group key={p.template} justify="space-between" wrap="nowrap">
            <Text size="sm">{p.label}</Text>
            <Group gap={4} wrap="nowrap">
              <Button size="compact-sm" variant="default" onClick={() => show(p.template, p.label)}>
                预览
              </Button>
              <Button size="compact-sm" variant="light" onClick={() => void printSlip(p.template, m.id)}>
                打印
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      <Modal opened={preview !== null} onClose={() => setPreview(null)} size="xl" title={`预览：${preview?.label ?? ''}`}>
        {preview && <iframe title={preview.label} src={`/#${preview.route}`} style={{ width: '100%', height: '70vh', border: 0 }} />}
      </Modal>
    </Paper>
  );
}
