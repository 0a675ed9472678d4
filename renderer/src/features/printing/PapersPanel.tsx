// The papers of a matter (and, at a talk, the talk record): the papers the rule
// allows now (shared/domain/matter-papers.ts, the same rule the backend
// enforces; 告知书 are archived as PDF first), the print log, and the archive of
// the matter's notices — each with its SHA-256 — opened exactly as the visitor
// received it. One panel for the leader's result and the matter page.
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { isTalkTemplate, PRINT_TEMPLATES, type ArchivedNotice } from '@shared/api/schemas/printing';
import type { MatterView } from '@shared/api/schemas/matters';
import type { TalkRecordView } from '@shared/api/schemas/reception';
import { labelOf } from '@shared/domain/categories';
import { allowedMatterTemplates, matterPaperTitle } from '@shared/domain/matter-papers';
import { formatDateTime } from '@shared/time';
import { call } from '../../api/client';
import { downloadBase64 } from '@lib/download';
import { notifyError } from '@lib/notify';
import { useQuery } from '@lib/use-query';
import { printSlip } from './print-slip';
import { PaperPreviewDialog, type A4Template } from './PaperPreviewDialog';

/** A paper's name for this matter (转送 or 交办告知书…); slips and the talk record by their own. */
export const paperLabel = (t: string, matter: MatterView | null) =>
  isTalkTemplate(t as A4Template) || !matter || t === 'ticket' || t === 'receipt'
    ? labelOf(PRINT_TEMPLATES, t)
    : matterPaperTitle(t as Exclude<A4Template, 'talk_record'>, matter);

async function openPdf(a: ArchivedNotice) {
  try {
    const pdf = await call('print.archivedPdf', { archiveId: a.id });
    downloadBase64(pdf.base64, pdf.name, 'application/pdf');
  } catch (e) {
    notifyError(e, '无法打开存档');
  }
}

export function PapersPanel({ matter, talk }: { matter: MatterView | null; talk?: TalkRecordView }) {
  const archived = useQuery('print.archive', matter ? { matterId: matter.id } : { talkId: talk?.id ?? '' }, {
    enabled: !!matter || !!talk,
    invalidatedBy: ['matters.changed', 'reception.changed'],
    errorTitle: false,
  });
  const talkLog = useQuery('print.log', { refId: talk?.id ?? '' }, { enabled: !!talk, errorTitle: false });
  const matterLog = useQuery(
    'print.log',
    { refId: matter?.id ?? '' },
    { enabled: !!matter, invalidatedBy: ['matters.changed'], errorTitle: false },
  );
  const archive = archived.data ?? [];
  const log = [...(talk ? (talkLog.data ?? []) : []), ...(matter ? (matterLog.data ?? []) : [])].sort((a, b) => b.at.localeCompare(a.at));
  const [busy, setBusy] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<A4Template | null>(null);
  const papers: A4Template[] = [...(matter ? allowedMatterTemplates(matter) : []), ...(talk ? (['talk_record'] as const) : [])];
  const refOf = (t: A4Template) => (isTalkTemplate(t) ? (talk?.id ?? '') : (matter?.id ?? ''));
  const print = async (template: A4Template, copies: number) => {
    setBusy(template);
    await printSlip(template, refOf(template), copies);
    setBusy(null);
    archived.reload();
    talkLog.reload();
    matterLog.reload();
  };
  return (
    <Stack gap="xs">
      {papers.length === 0 && (
        <Text size="sm" c="dimmed">
          当前没有可打印的文书
        </Text>
      )}
      <Group gap="xs">
        {papers.map((t) => (
          <Button key={t} size="xs" variant="light" loading={busy === t} onClick={() => setPreviewing(t)}>
            {paperLabel(t, matter)}
          </Button>
        ))}
      </Group>
      <PaperPreviewDialog
        refId={previewing ? refOf(previewing) : ''}
        template={previewing}
        label={previewing ? paperLabel(previewing, matter) : ''}
        onClose={() => setPreviewing(null)}
        onPrint={(t, copies) => void print(t, copies)}
      />
      {log.length > 0 && (
        <Text size="xs" c="dimmed" aria-label="打印记录">
          {log
            .map(
              (j) =>
                `${formatDateTime(j.at)} ${j.actorName} ${paperLabel(j.template, matter)}${j.copies > 1 ? ` ${j.copies}份` : ''}${j.reprint ? '（补打）' : ''}${j.status === 'failed' ? `：未打印（${j.error}）` : ''}`,
            )
            .join('；')}
        </Text>
      )}
      {archive.length > 0 && (
        <Table fz="xs" aria-label="告知书存档">
          <Table.Tbody>
            {archive.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{paperLabel(a.template, matter)}</Table.Td>
                <Table.Td>{formatDateTime(a.at)}</Table.Td>
                <Table.Td>{a.actorName}</Table.Td>
                <Table.Td>
                  <Text span ff="monospace" size="xs" title={a.sha256}>
                    SHA-256 {a.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component="button" size="xs" onClick={() => void openPdf(a)}>
                    查看存档PDF
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
