// The papers of a leader's talk: the papers its matter allows now (the rule in
// shared/domain/matter-papers.ts; 告知书 are archived as PDF first) and the
// talk record, with the archive of the matter's notices — each with its
// SHA-256 — opened exactly as the visitor received it.
import { Anchor, Button, Group, Modal, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  FORMAL_NOTICES,
  isTalkTemplate,
  PRINT_TEMPLATES,
  type ArchivedNotice,
  type MatterTemplate,
  type TalkTemplate,
} from '@shared/api/schemas/printing';
import type { MatterView } from '@shared/api/schemas/matters';
import type { TalkRecordView } from '@shared/api/schemas/reception';
import { labelOf } from '@shared/domain/categories';
import { allowedMatterTemplates, matterPaperTitle } from '@shared/domain/matter-papers';
import { formatDateTime } from '@shared/time';
import { call } from '../../api/client';
import { notifyError } from '@lib/notify';
import { useQuery } from '@lib/use-query';
import { printSlip } from '../printing/print-slip';

type A4Template = MatterTemplate | TalkTemplate;

/** A paper's name for this matter (转送 or 交办告知书…), the talk record by its own. */
const paperLabel = (t: A4Template, matter: MatterView | null) =>
  isTalkTemplate(t) || !matter ? labelOf(PRINT_TEMPLATES, t) : matterPaperTitle(t, matter);

async function openPdf(a: ArchivedNotice) {
  try {
    const pdf = await call('print.archivedPdf', { archiveId: a.id });
    const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = pdf.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    notifyError(e, '无法打开存档');
  }
}

/** The paper drawn on screen from its print route before anything is printed; copies chosen here. */
function PreviewModal({
  refId,
  template,
  label,
  onClose,
  onPrint,
}: {
  refId: string;
  template: A4Template | null;
  label: string;
  onClose: () => void;
  onPrint: (t: A4Template, copies: number) => void;
}) {
  const [route, setRoute] = useState<string | null>(null);
  const [copies, setCopies] = useState<number | ''>(1);
  useEffect(() => {
    setRoute(null);
    setCopies(1);
    if (template)
      void call('print.preview', { template, refId }).then(
        (r) => setRoute(r.route),
        (e: unknown) => notifyError(e, '无法预览'),
      );
  }, [template, refId]);
  return (
    <Modal opened={template !== null} onClose={onClose} title={`预览：${label}`} size={900}>
      <Stack>
        {route && (
          <iframe
            title={`${label}预览`}
            src={`/#${route}`}
            style={{ width: '100%', height: '68vh', border: '1px solid var(--mantine-color-gray-3)', background: '#e9ecef' }}
          />
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {template && FORMAL_NOTICES.includes(template) ? '告知书打印前将存档为PDF并记录SHA-256。' : ''}
          </Text>
          <Group>
            <NumberInput
              aria-label="份数"
              prefix=""
              suffix=" 份"
              min={1}
              max={5}
              value={copies}
              onChange={(v) => setCopies(typeof v === 'number' ? v : '')}
              w={100}
            />
            <Button variant="default" onClick={onClose}>
              关闭
            </Button>
            <Button
              onClick={() => {
                if (!template) return;
                onPrint(template, copies === '' ? 1 : copies);
                onClose();
              }}
            >
              打印
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

export function TalkPapers({ talk }: { talk: TalkRecordView }) {
  // The matter the talk is about, through its visit. TODO: talk.matterId once the talk records its decision through the matter.
  const visit = useQuery('visits.get', { visitId: talk.visitId }, { errorTitle: false });
  const matterId = visit.data?.matterId ?? null;
  const matterQuery = useQuery(
    'matters.get',
    { matterId: matterId ?? talk.visitId },
    { enabled: matterId !== null, invalidatedBy: ['matters.changed'], errorTitle: false },
  );
  const matter = matterId && matterQuery.data?.id === matterId ? matterQuery.data : null;
  const archived = useQuery(
    'print.archive',
    { talkId: talk.id },
    { invalidatedBy: ['matters.changed', 'reception.changed'], errorTitle: false },
  );
  const talkLog = useQuery('print.log', { refId: talk.id }, { errorTitle: false });
  const matterLog = useQuery('print.log', { refId: matterId ?? talk.id }, { enabled: matterId !== null, errorTitle: false });
  const archive = archived.data ?? [];
  const log = [...(talkLog.data ?? []), ...(matter ? (matterLog.data ?? []) : [])].sort((a, b) => b.at.localeCompare(a.at));
  const [busy, setBusy] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<A4Template | null>(null);
  const papers: A4Template[] = [...(matter ? allowedMatterTemplates(matter) : []), 'talk_record'];
  const refOf = (t: A4Template) => (isTalkTemplate(t) ? talk.id : (matter?.id ?? talk.id));
  const print = async (template: A4Template, copies: number) => {
    setBusy(template);
    await printSlip(template, refOf(template), copies);
    setBusy(null);
    archived.reload();
    talkLog.reload();
    matterLog.reload();
    matterQuery.reload();
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {papers.map((t) => (
          <Button key={t} size="xs" variant="light" loading={busy === t} onClick={() => setPreviewing(t)}>
            {paperLabel(t, matter)}
          </Button>
        ))}
      </Group>
      <PreviewModal
        refId={previewing ? refOf(previewing) : talk.id}
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
                `${formatDateTime(j.at)} ${j.actorName} ${j.template === 'ticket' || j.template === 'receipt' ? labelOf(PRINT_TEMPLATES, j.template) : paperLabel(j.template, matter)}${j.copies > 1 ? ` ${j.copies}份` : ''}${j.reprint ? '（补打）' : ''}${j.status === 'failed' ? `：未打印（${j.error}）` : ''}`,
            )
            .join('；')}
        </Text>
      )}
      {archive.length > 0 && (
        <Table fz="xs" aria-label="告知书存档">
          <Table.Tbody>
            {archive.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.template === 'ticket' || a.template === 'receipt'
                    ? labelOf(PRINT_TEMPLATES, a.template)
                    : paperLabel(a.template, matter)}
                </Table.Td>
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
