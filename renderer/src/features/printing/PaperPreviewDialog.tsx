// A paper drawn on screen from its print route before anything is printed (a
// 10-minute preview token, no print job); the number of copies is chosen here.
import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FORMAL_NOTICES, type MatterTemplate, type TalkTemplate } from '@shared/api/schemas/printing';
import { call } from '../../api/client';
import { notifyError } from '@lib/notify';

export type A4Template = MatterTemplate | TalkTemplate;

export /** The paper drawn on screen from its print route before anything is printed; copies chosen here. */
function PaperPreviewDialog({
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
