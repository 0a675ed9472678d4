// The papers of a talk record: print the ones its outcome allows (告知书 are
// archived as PDF first), and the archive of notices issued — each with its
// SHA-256 — opened exactly as the visitor received it.
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { PRINT_TEMPLATES, type ArchivedNotice } from '../../../../shared/api/schemas/printing';
import type { TalkRecordView } from '../../../../shared/api/schemas/reception';
import { labelOf } from '../../../../shared/domain/categories';
import { allowedTalkTemplates } from '../../../../shared/domain/talk-papers';
import { formatDateTime } from '../../../../shared/time';
import { call, subscribe } from '../../api/client';
import { notifyError } from '../../lib/notify';
import { printSlip } from '../printing/print-slip';

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

export function TalkPapers({ talk }: { talk: TalkRecordView }) {
  const [archive, setArchive] = useState<ArchivedNotice[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    const load = () => void call('print.archive', { talkId: talk.id }).then(setArchive, () => undefined);
    load();
    return subscribe((e) => {
      if (e.name === 'reception.changed') load();
    });
  }, [talk.id]);
  const print = async (template: (typeof PRINT_TEMPLATES)[number]['code']) => {
    setBusy(template);
    await printSlip(template, talk.id);
    setBusy(null);
    setArchive(await call('print.archive', { talkId: talk.id }));
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {allowedTalkTemplates(talk).map((t) => (
          <Button key={t} size="xs" variant="light" loading={busy === t} onClick={() => void print(t)}>
            打印{labelOf(PRINT_TEMPLATES, t)}
          </Button>
        ))}
      </Group>
      {archive.length > 0 && (
        <Table fz="xs" aria-label="告知书存档">
          <Table.Tbody>
            {archive.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{labelOf(PRINT_TEMPLATES, a.template)}</Table.Td>
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
