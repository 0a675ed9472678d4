// 接谈记录: what was said, the outcome with the field it needs, the dates it
// sets (computed with the holiday calendar, shown before saving), whether the
// lawyer sat in, and the visitor's satisfaction asked at the end.
import { Alert, Button, Checkbox, Group, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { QueueVisitor, TalkRecordView } from '@shared/api/schemas/reception';
import {
  OUTCOME_FIELDS,
  OUTCOMES,
  SATISFACTION,
  latestAssignDeadline,
  outcomeDates,
  type Outcome,
  type Satisfaction,
} from '@shared/domain/reception';
import type { HolidayCalendar } from '@shared/domain/deadlines';
import { formatCalendarDate, hallDate } from '@shared/time';
import { ApiError } from '@shared/api/errors';
import { call } from '../../api/client';
import { HallDateInput } from '@lib/HallDateInput';
import { messageOf } from '@lib/form-errors';
import { notifySuccess } from '@lib/notify';

export function useHolidayCalendar(): HolidayCalendar | null {
  const [cal, setCal] = useState<HolidayCalendar | null>(null);
  useEffect(() => {
    const y = Number(hallDate().slice(0, 4));
    void Promise.all([call('calendar.year', { year: y }), call('calendar.year', { year: y + 1 })]).then(([a, b]) => {
      const days = [...a, ...b];
      setCal({
        holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
        workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
      });
    });
  }, []);
  return cal;
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
  const [notes, setNotes] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [unit, setUnit] = useState('');
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState<string>('');
  const [lawyer, setLawyer] = useState(lawyerOnDuty);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | 'none'>('none');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const visitDate = visitor.visitDate;
  const need = outcome ? OUTCOME_FIELDS[outcome] : {};
  useEffect(() => {
    if (outcome === 'assigned' && cal && !deadline) setDeadline(latestAssignDeadline(today, cal));
  }, [outcome, cal, deadline, today]);
  const dates = useMemo(
    () => (outcome && cal ? outcomeDates(outcome, visitDate, today, cal, outcome === 'assigned' ? deadline || null : null) : null),
    [outcome, cal, visitDate, today, deadline],
  );

  const save = async () => {
    if (!outcome) return setErrors({ outcome: '请选择处理结果' });
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const t = await call('reception.record', {
        bookingId: visitor.id,
        notes,
        outcome,
        unit: need.unit ? unit : '',
        reason: need.reason ? reason : '',
        deadline: need.deadline ? deadline || null : null,
        lawyerPresent: lawyer,
        satisfaction: satisfaction === 'none' ? null : satisfaction,
      });
      notifySuccess(`${visitor.name} 的接谈已记录`);
      onSaved(t);
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
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
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.notes}
          data-autofocus
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            处理结果
          </Text>
          <SegmentedControl
            aria-label="处理结果"
            fullWidth
            value={outcome ?? ''}
            onChange={(v) => setOutcome(v as Outcome)}
            data={OUTCOMES.map((o) => ({ value: o.code, label: o.label }))}
          />
          {errors.outcome && (
            <Text c="red" size="sm">
              {errors.outcome}
            </Text>
          )}
        </div>
        {need.unit && <TextInput label={need.unit} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} error={errors.unit} />}
        {need.reason && (
          <Textarea
            label={need.reason}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
        )}
        {need.deadline && <HallDateInput label="办理期限" value={deadline} onChange={setDeadline} error={errors.deadline} />}
        {dates && (
          <Alert color="blue" variant="light" aria-label="期限">
            {dates.replyDue ? `书面告知期限：${formatCalendarDate(dates.replyDue)}（收到之日起15日）` : '当场答复，无需书面告知'}
            {dates.handleDue && (
              <div>{`办理期限：${formatCalendarDate(dates.handleDue)}${outcome === 'accepted' ? '（受理之日起60日）' : ''}`}</div>
            )}
          </Alert>
        )}
        <Group>
          <Checkbox label="律师参与接访" checked={lawyer} onChange={(e) => setLawyer(e.currentTarget.checked)} />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            来访人满意度（接谈结束时询问）
          </Text>
          <SegmentedControl
            aria-label="满意度"
            value={satisfaction}
            onChange={(v) => setSatisfaction(v as Satisfaction | 'none')}
            data={[...SATISFACTION.map((s) => ({ value: s.code, label: s.label })), { value: 'none', label: '未评价' }]}
          />
        </div>
        {error && (
          <Alert color="red" role="alert" title="未保存">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Ctrl+Enter 保存
          </Text>
          <Button type="submit" loading={busy}>
            保存接谈记录
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
