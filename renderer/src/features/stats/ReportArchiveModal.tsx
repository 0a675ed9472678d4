// Every 日报 / 周报 / 月报 printed, kept as the PDF that was printed (newest
// first, with who printed it and when); 打开 reads it back, checked against its SHA-256.
import { Button, Modal, Table, Text } from '@mantine/core';
import { REPORT_KINDS, type ArchivedReport } from '@shared/api/schemas/stats';
import { labelOf } from '@shared/domain/categories';
import { periodText } from '@shared/domain/stats';
import { formatDateTime } from '@shared/time';
import { call } from '../../api/client';
import { downloadBase64 } from '@lib/download';
import { notifyError } from '@lib/notify';
import { useQuery } from '@lib/use-query';

async function open(a: ArchivedReport) {
  try {
    const pdf = await call('stats.reportPdf', { archiveId: a.id });
    downloadBase64(pdf.base64, pdf.name, 'application/pdf');
  } catch (e) {
    notifyError(e, '无法打开报表存档');
  }
}

export function ReportArchiveModal({ onClose }: { onClose: () => void }) {
  const { data } = useQuery('stats.reports', {}, { errorTitle: '无法读取报表存档' });
  return (
    <Modal opened onClose={onClose} title="报表存档" size="xl">
      {data && data.length === 0 && (
        <Text size="sm" c="dimmed">
          还没有打印过报表
        </Text>
      )}
      {data && data.length > 0 && (
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>报表</Table.Th>
              <Table.Th>统计期间</Table.Th>
              <Table.Th>生成时间</Table.Th>
              <Table.Th>打印人</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{labelOf(REPORT_KINDS, a.kind)}</Table.Td>
                <Table.Td>{periodText(a.period)}</Table.Td>
                <Table.Td>{formatDateTime(a.at)}</Table.Td>
                <Table.Td>{a.actorName}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => void open(a)} aria-label={`打开${labelOf(REPORT_KINDS, a.kind)}存档PDF`}>
                    打开PDF
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
