// 接谈记录: what was said, the decision on the matter (the same fields and the
// same backend rule as at the window), the dates it sets (shown before saving),
// whether the lawyer sat in, and the visitor's satisfaction with the talk. A
// returning visitor whose matter was already decided gets the talk recorded;
// the matter's later steps are on its own page.
import { Alert, Anchor, Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import type { MatterView } from '@shared/api/schemas/matters';
import type { QueueVisitor, TalkRecordView } from '@shared/api/schemas/reception';
import type { HolidayCalendar } from '@shared/domain/deadlines';
import { CLOCKS, decisionText, openClocks, plan } from '@shared/domain/matter';
import { SATISFACTION, type Satisfaction } from '@shared/domain/reception';
import { formatCalendarDate, formatTime, hallDate } from '@shared/time';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';
import { notifySuccess } from '@lib/notify';
import { useHolidayCalendar } from '@lib/use-holiday-calendar';
import { useQuery } from '@lib/use-query';
import { labelOf } from '@shared/domain/categories';
import { DecisionFields, decisionInput, NO_DECISION, type DecisionValues } from '../matters/DecisionFields';
import { stateLabel } from '../matters/matter-ui';
import { useTalkDraft } from './use-talk-draft';

type Values = DecisionValues & { notes: string; lawyer: boolean; satisfaction: Satisfaction | 'none' };

/** The clocks the chosen decision would start, computed by the same rules the backend saves with. */
function datesPreview(m: MatterView, v: DecisionValues, today: string, cal: HolidayCalendar): string[] | string | null {
  if (!v.decision) return null;
  const r = plan(
    m,
    { action: 'decide', decision: v.decision, on: today, unit: v.unit, deadline: v.deadline || null, hasEndedSibling: true },
    today,
    cal,
  );
  if (!r.ok) return r.message;
  const clocks = openClocks({ ...m, ...r.plan.set, state: r.plan.to }, today, cal);
  if (clocks.length === 0) return ['当场答复，无需书面告知'];
  return clocks.map((c) => `${labelOf(CLOCKS, c.clock)}期限：${formatCalendarDate(c.due)}`);
}

export function TalkForm({
  visitor,
  lawyerOnDuty,
  onSaved,
}: {
  visitor: QueueVisitor;
  lawyerOnDuty: boolean;
  onSaved: (t: TalkRecordView) => void;
}) {
  const today = hallDate();
  const cal = useHolidayCalendar();
  const matter = useQuery('matters.get', { matterId: visitor.matterId }, { invalidatedBy: ['matters.changed'] }).data;
  const form = useForm<Values>({ initialValues: { ...NO_DECISION, notes: '', lawyer: lawyerOnDuty, satisfaction: 'none' } });
  const [error, setError] = useState<string | null>(null);
  const draft = useTalkDraft(visitor.id, form.values.notes, (notes) => form.setFieldValue('notes', notes));
  const [busy, setBusy] = useState(false);
  const decided = matter !== null && matter !== undefined && matter.state !== 'registered';
  const preview = matter && cal && !decided ? datesPreview(matter, form.values, today, cal) : null;

  const save = async () => {
    const v = form.values;
    if (!decided && !v.decision) return form.setErrors({ decision: '请选择处理方式' });
    setBusy(true);
    form.clearErrors();
    setError(null);
    try {
      const t = await call('reception.record', {
        bookingId: visitor.id,
        notes: v.notes,
        ...(decided ? { decision: null } : decisionInput(v)),
        lawyerPresent: v.lawyer,
        satisfaction: v.satisfaction === 'none' ? null : v.satisfaction,
      });
      notifySuccess(`${visitor.name} 的接谈已记录`);
      onSaved(t);
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setErrors(e.fields);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-label="接谈记录"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.ctrlKey) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <Stack gap="sm">
        <Textarea
          label="接谈情况"
          description="来访人反映的问题、诉求和领导的答复要点"
          autosize
          minRows={4}
          maxRows={10}
          data-autofocus
          {...form.getInputProps('notes')}
        />
        {matter && decided && (
          <Alert color="gray" variant="light" aria-label="事项已有处理决定">
            该事项{stateLabel(matter.state)}（{decisionText({ decision: matter.decision, unit: matter.unit, route: matter.route })}
            ），本次接谈只记录情况。延期、办结、复查等在
            <Anchor href={`#/matters/${matter.id}`}>信访事项页</Anchor>办理。
          </Alert>
        )}
        {matter && !decided && <DecisionFields form={form} matter={matter} />}
        {preview && (
          <Alert color={typeof preview === 'string' ? 'red' : 'blue'} variant="light" aria-label="期限">
            {typeof preview === 'string' ? preview : preview.map((line) => <div key={line}>{line}</div>)}
          </Alert>
        )}
        <Group>
          <Checkbox label="律师参与接访" {...form.getInputProps('lawyer', { type: 'checkbox' })} />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            来访人对本次接谈的满意度（接谈结束时询问）
          </Text>
          <SegmentedControl
            aria-label="满意度"
            value={form.values.satisfaction}
            onChange={(v) => form.setFieldValue('satisfaction', v as Values['satisfaction'])}
            data={[...SATISFACTION.map((s) => ({ value: s.code, label: s.label })), { value: 'none', label: '未评价' }]}
          />
        </div>
        {error && (
          <Alert color="red" role="alert" title="未保存">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            Ctrl+Enter 保存{draft.savedAt && ` · 接谈情况草稿已存（${formatTime(draft.savedAt)}）`}
          </Text>
          <Button type="submit" loading={busy}>
            保存接谈记录
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
