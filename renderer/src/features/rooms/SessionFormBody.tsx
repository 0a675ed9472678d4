// The session dialog's form: add or edit one leader's reception session.
import { Alert, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ApiError } from '@shared/api/errors';
import type { UserRow } from '@shared/api/schemas/auth';
import { saveSessionInput, type RoomView, type SessionView } from '@shared/api/schemas/reception';
import { slotsOf, toMinutes } from '@shared/domain/reception';
import { formatCalendarDate } from '@shared/time';
import { call } from '../../api/client';
import { normalizeClock } from '@lib/clock';
import { zodErrors } from '@lib/form-errors';
import { DialogActions, useApiSubmit } from '@lib/forms';
import { HallDateInput } from '@lib/HallDateInput';
import { dialogKeys } from '@lib/keyboard';
import { KeysHint } from '@lib/KeysHint';
import { notifySuccess } from '@lib/notify';
import { weekdayOf } from './roster-dates';
import { toInput, type SessionForm } from './session-form';

export function SessionFormBody({
  initial,
  leaders,
  rooms,
  onClose,
  onSaved,
}: {
  initial: SessionForm;
  leaders: UserRow[] | null;
  rooms: RoomView[];
  onClose: () => void;
  onSaved: (s: SessionView) => void;
}) {
  // Why the backend refused (a leader in two rooms, a room taken, outside its hours): shown in the dialog, the form kept.
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<SessionForm>({
    initialValues: initial,
    validate: (v) => {
      const errors = zodErrors(saveSessionInput, toInput(v));
      if (!v.leaderId) errors.leaderId = '请选择接访领导';
      if (!v.roomId) errors.roomId = '请选择接谈室';
      if (!errors.end && !errors.start && toMinutes(normalizeClock(v.start)) >= toMinutes(normalizeClock(v.end)))
        errors.end = '结束时间应晚于开始时间';
      return errors;
    },
  });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    setProblem(null);
    try {
      const saved = await call('roster.save', toInput(v));
      notifySuccess(
        `${saved.leaderName} ${formatCalendarDate(saved.date)} ${saved.start}–${saved.end} ${saved.roomName}${initial.id ? '已修改' : '已加入，发布后生效'}`,
      );
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && !e.fields) {
        setProblem(e.message);
        return;
      }
      throw e;
    }
  });

  const locked = initial.activeBookings > 0;
  const leaderOptions = (leaders ?? []).filter((u) => u.role === 'leader' && (!u.disabled || u.id === initial.leaderId));
  const roomOptions = rooms.filter((r) => r.kind === 'talk' && (r.active || r.id === initial.roomId));
  const room = rooms.find((r) => r.id === form.values.roomId);
  const clock = (field: 'start' | 'end') => ({
    ...form.getInputProps(field),
    onBlur: () => form.setFieldValue(field, normalizeClock(form.values[field])),
  });
  const v = toInput(form.values);
  const slots = /^\d\d:\d\d$/.test(v.start) && /^\d\d:\d\d$/.test(v.end) && v.slotMinutes >= 5 ? slotsOf(v).length : 0;

  return (
    <form onSubmit={onSubmit} onKeyDown={dialogKeys} noValidate aria-label="接访安排">
      <Stack>
        {locked && (
          <Alert color="blue" variant="light">
            已有{initial.activeBookings}位来访人排入，只能改时间、事项、律师和接谈时长；改日期、房间或领导请先改约或取消。
          </Alert>
        )}
        <NativeSelect
          label="接访领导"
          data-autofocus
          disabled={locked}
          data={[
            {
              value: '',
              label: leaders === null ? '正在读取…' : leaderOptions.length ? '请选择' : '尚无接访领导账户，请先在账户管理中添加',
              disabled: true,
            },
            ...leaderOptions.map((u) => ({ value: u.id, label: u.disabled ? `${u.displayName}（已停用）` : u.displayName })),
          ]}
          {...form.getInputProps('leaderId')}
        />
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <div>
            <HallDateInput
              label="日期"
              value={form.values.date}
              onChange={(d) => form.setFieldValue('date', d)}
              error={form.errors.date as string | undefined}
            />
            <Text size="xs" c="dimmed" mt={2}>
              {/^\d{4}-\d\d-\d\d$/.test(form.values.date) ? weekdayOf(form.values.date) : ''}
            </Text>
          </div>
          <TextInput label="开始时间" placeholder="09:00" w={110} {...clock('start')} />
          <TextInput label="结束时间" placeholder="11:30" w={110} {...clock('end')} />
        </Group>
        <NativeSelect
          label="接谈室"
          disabled={locked}
          description={room ? `开放时间 ${room.openFrom}–${room.openTo}，容纳${room.capacity}人` : '领导接访只能安排在启用的接谈室'}
          data={[
            { value: '', label: '请选择', disabled: true },
            ...roomOptions.map((r) => ({ value: r.id, label: r.active ? r.name : `${r.name}（已停用）` })),
          ]}
          {...form.getInputProps('roomId')}
        />
        <TextInput label="接访事项" placeholder="如 征地拆迁、劳动社保；不填为不限" {...form.getInputProps('topics')} />
        <TextInput label="值班律师" placeholder="如 某某律师事务所 张律师；没有可不填" {...form.getInputProps('lawyer')} />
        <NumberInput
          label="每位接谈时长（分钟）"
          description={slots > 0 ? `可约 ${slots} 个时段` : ' '}
          min={5}
          max={240}
          step={5}
          allowDecimal={false}
          w={220}
          {...form.getInputProps('slotMinutes')}
        />
        {problem && (
          <Alert color="red" title="未能保存" data-testid="roster-conflict">
            {problem}
          </Alert>
        )}
        <Group justify="space-between">
          <KeysHint />
          <DialogActions busy={busy} label={initial.id ? '保存修改' : '加入安排'} onCancel={onClose} />
        </Group>
      </Stack>
    </form>
  );
}
