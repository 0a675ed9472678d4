// One registration in full, its correction history, and the correction form.
// There is no delete: a wrong registration is corrected, with a reason, and audited.
import { Badge, Button, Divider, Drawer, Grid, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import { correctVisitInput, type VisitDetail } from '@shared/api/schemas/visits';
import { formatCalendarDate, formatDateTime, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { zodErrors } from '@lib/form-errors';
import { enterMovesToNextField } from '@lib/keyboard';
import { categoryLabel, FIELD_LABELS, idTypeName, purposeLabel } from '@lib/labels';
import { notifyError, notifySuccess } from '@lib/notify';
import { fromDetail, toChanges, type VisitFormValues } from './form-model';
import { KindBadge } from './KindBadge';
import { printSlip } from '../printing/print-slip';
import { ScheduleDialog } from '../rooms/ScheduleDialog';
import { MatterFields, PersonFields } from './VisitFields';
import { useQuery } from '@lib/use-query';
import { MatterActionDialog } from '../matters/MatterActionDialog';
import { STATE_COLOR, decisionSummary, stateLabel } from '../matters/matter-ui';

/** The matter this visit is about: where it stands, a way to it, and the window decision while it is 待处理. */
function MatterLine({ matterId }: { matterId: string }) {
  const { data: m } = useQuery(
    'matters.get',
    { matterId },
    { invalidatedBy: [{ event: 'matters.changed', when: (p) => p.matterId === matterId }], errorTitle: false },
  );
  const [deciding, setDeciding] = useState(false);
  if (!m || m.id !== matterId) return null;
  return (
    <Group gap="xs" aria-label="所涉事项">
      <Text size="sm" fw={600}>
        信访事项
      </Text>
      <Badge color={STATE_COLOR[m.state]}>{stateLabel(m.state)}</Badge>
      {m.decision && <Text size="sm">{decisionSummary(m)}</Text>}
      <Button size="compact-sm" variant="default" component="a" href={`#/matters/${m.id}`}>
        打开事项
      </Button>
      {m.actions.includes('decide') && (
        <Button size="compact-sm" onClick={() => setDeciding(true)}>
          作出处理决定
        </Button>
      )}
      {deciding && <MatterActionDialog action="decide" window matter={m} onClose={() => setDeciding(false)} />}
    </Group>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={110} c="dimmed" fw={500}>
        {label}
      </Table.Th>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{children || '—'}</Table.Td>
    </Table.Tr>
  );
}

function show(field: string, v: unknown): string {
  if (field === 'category' && typeof v === 'string') return categoryLabel(v);
  if (field === 'purpose' && typeof v === 'string') return purposeLabel(v);
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((r: { name?: string }) => r.name ?? '').join('、') || '（无）';
  if (typeof v === 'object')
    return Object.values(v as Record<string, string>)
      .filter(Boolean)
      .join(' / ');
  return String(v);
}

function Details({ d }: { d: VisitDetail }) {
  return (
    <Table verticalSpacing={4}>
      <Table.Tbody>
        <Row label="证件">{`${idTypeName(d.idType)} ${d.idNumber}`}</Row>
        <Row label="姓名">{`${d.name}${d.gender ? `（${d.gender === 'male' ? '男' : '女'}${d.birthDate ? `，${formatCalendarDate(d.birthDate)}出生` : ''}）` : ''}`}</Row>
        <Row label="联系电话">{d.phone}</Row>
        <Row label="住址">{d.address}</Row>
        <Row label="来访人数">{`${d.peopleCount}人${d.isGroup ? '（集体访）' : ''}`}</Row>
        {d.representatives.length > 0 && (
          <Row label="代表">{d.representatives.map((r) => `${r.name} ${r.idNumber} ${r.phone}`.trim()).join('\n')}</Row>
        )}
        <Row label="信访目的">{purposeLabel(d.purpose)}</Row>
        <Row label="内容分类">{categoryLabel(d.category)}</Row>
        <Row label="问题属地">{d.locationArea}</Row>
        <Row label="诉求摘要">{d.summary}</Row>
        <Row label="主要诉求">{d.demands}</Row>
        <Row label="陪访人">{d.escort ? `${d.escort.name}（${d.escort.unit}）${d.escort.phone}` : ''}</Row>
        <Row label="越级">{d.skipLevel ? '是' : '否'}</Row>
        <Row label="处理结果">{d.outcome ?? '待处理'}</Row>
        <Row label="登记">{`${d.registeredByName} · ${formatDateTime(d.registeredAt)}`}</Row>
      </Table.Tbody>
    </Table>
  );
}

function CorrectionForm({ d, onDone, onCancel }: { d: VisitDetail; onDone: (d: VisitDetail) => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const form = useForm<VisitFormValues>({
    initialValues: fromDetail(d),
    validate: (v) => {
      const errors = zodErrors(correctVisitInput, {
        visitId: d.id,
        expectedVersion: d.version,
        reason: reason || '--',
        changes: toChanges(v),
      });
      // correctVisitInput reports field errors under "changes."; the form's paths have no prefix.
      return Object.fromEntries(Object.entries(errors).map(([k, m]) => [k.replace(/^changes\./, ''), m]));
    },
  });
  const submit = form.onSubmit(async (v) => {
    if (reason.trim().length < 2) return setReasonError('请填写更正原因（至少2个字）');
    setBusy(true);
    try {
      onDone(await call('visits.correct', { visitId: d.id, expectedVersion: d.version, reason, changes: toChanges(v) }));
      notifySuccess(`${d.visitNo} 已更正`);
    } catch (e) {
      if (e instanceof ApiError && e.fields) {
        form.setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, m]) => [k.replace(/^changes\./, ''), m])));
        if (e.fields.reason) setReasonError(e.fields.reason);
      }
      notifyError(e, '更正未保存');
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} onKeyDown={enterMovesToNextField} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          证件与所涉事项不能在此更正。每次更正都会记录更正人、时间、原因和前后内容。
        </Text>
        <Grid gutter="sm">
          <PersonFields form={form} />
          <MatterFields form={form} />
        </Grid>
        <Textarea
          label="更正原因"
          withAsterisk
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(null);
          }}
          error={reasonError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            取消
          </Button>
          <Button type="submit" loading={busy}>
            保存更正
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function VisitDrawer({ visitId, onClose }: { visitId: string | null; onClose: () => void }) {
  return (
    <Drawer opened={visitId !== null} onClose={onClose} position="right" size="xl" title="来访登记">
      {visitId && <VisitDetailBody key={visitId} visitId={visitId} />}
    </Drawer>
  );
}

/** One visit, loaded and refreshed through useQuery; mounted per visit, so a correction begun elsewhere never carries over. */
function VisitDetailBody({ visitId }: { visitId: string }) {
  const { user } = useAuth();
  const visit = useQuery(
    'visits.get',
    { visitId },
    { invalidatedBy: [{ event: 'visits.changed', when: (p) => p.visitId === visitId }], errorTitle: '无法打开登记' },
  );
  const printLog = useQuery('print.log', { refId: visitId }, { errorTitle: false });
  const detail = visit.data;
  const prints = printLog.data ?? [];
  const [editing, setEditing] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const canCorrect = user.role === 'clerk' || user.role === 'admin';
  if (!detail) return null;
  return (
    <Stack>
      <Group gap="xs">
        <Title order={4}>{detail.visitNo}</Title>
        <KindBadge kind={detail.kind} />
        {detail.corrections.length > 0 && <Badge color="gray">已更正 {detail.corrections.length} 次</Badge>}
      </Group>
      {editing ? (
        <CorrectionForm
          key={detail.version}
          d={detail}
          onCancel={() => setEditing(false)}
          onDone={() => {
            visit.reload();
            setEditing(false);
          }}
        />
      ) : (
        <>
          <MatterLine matterId={detail.matterId} />
          <Details d={detail} />
          <Group>
            {canCorrect && (
              <Button variant="light" onClick={() => setEditing(true)}>
                更正登记
              </Button>
            )}
            {canCorrect && (
              <Button variant="default" onClick={() => void printSlip('receipt', detail.id).then(printLog.reload)}>
                {prints.some((p) => p.status !== 'failed') ? '补打回执' : '打印回执'}
              </Button>
            )}
            {canCorrect && hallDate(detail.registeredAt) === hallDate() && (
              <Button variant="default" onClick={() => setScheduling(true)}>
                排入领导接访
              </Button>
            )}
          </Group>
          <ScheduleDialog opened={scheduling} onClose={() => setScheduling(false)} presetVisitId={detail.id} />
          {prints.length > 0 && (
            <>
              <Divider label="打印记录" labelPosition="left" />
              {prints.map((p) => (
                <Text size="sm" key={p.id}>
                  {formatDateTime(p.at)} · {p.actorName} · 登记回执{p.reprint ? '（补打）' : ''} ·{' '}
                  {p.status === 'printed' ? '已打印' : p.status === 'failed' ? `未打印：${p.error}` : '已发送'}
                </Text>
              ))}
            </>
          )}
        </>
      )}
      {detail.corrections.length > 0 && (
        <>
          <Divider label="更正记录" labelPosition="left" />
          {detail.corrections.map((c, i) => (
            <Stack key={i} gap={2}>
              <Text size="sm" fw={600}>
                {formatDateTime(c.at)} · {c.actorName} · 原因：{c.reason}
              </Text>
              {c.changes.map((ch) => (
                <Text size="sm" key={ch.field}>
                  {FIELD_LABELS[ch.field] ?? ch.field}：{show(ch.field, ch.before)} → {show(ch.field, ch.after)}
                </Text>
              ))}
            </Stack>
          ))}
        </>
      )}
    </Stack>
  );
}
