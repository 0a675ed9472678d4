// The decision's own fields, one component for the window's dialog, the matter
// page and the leader's talk form: 处理方式 (digits 1–7 pick one and jump to
// the field it needs) and the unit, 交办 deadline, ground, route, the ended
// matter of a 不再受理, and the reason.
import { Grid, NativeSelect, SegmentedControl, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useRef, type KeyboardEvent } from 'react';
import type { InputOf } from '@shared/api/contract';
import { DECISION_UNIT_LABELS, DECISIONS, DECLINE_GROUNDS, LEGAL_ROUTES, endedNotice, type Decision } from '@shared/domain/matter';
import { HallDateInput } from '@lib/HallDateInput';
import { categoryLabel, selectData } from '@lib/labels';
import { useQuery } from '@lib/use-query';
import { stateLabel } from './matter-ui';

export interface DecisionValues {
  decision: Decision | '';
  unit: string;
  deadline: string;
  declineGround: string;
  route: string;
  endedMatterId: string;
  reason: string;
}

export const NO_DECISION: DecisionValues = {
  decision: '',
  unit: '',
  deadline: '',
  declineGround: '',
  route: '',
  endedMatterId: '',
  reason: '',
};

/** The values as the backend takes them (the same fields for matters.act 'decide' and reception.record). */
export function decisionInput(x: DecisionValues) {
  return {
    decision: x.decision as Decision,
    unit: x.unit,
    deadline: x.decision === 'assigned' && x.deadline ? x.deadline : null,
    declineGround:
      x.decision === 'declined'
        ? ((x.declineGround || null) as Extract<InputOf<'matters.act'>, { action: 'decide' }>['declineGround'])
        : null,
    route: x.decision === 'guided' ? ((x.route || null) as Extract<InputOf<'matters.act'>, { action: 'decide' }>['route']) : null,
    endedMatterId: x.decision === 'not_again' ? x.endedMatterId || null : null,
    reason: x.reason,
  };
}

const unitLabel = (d: Decision) => (d === 'accepted' ? '责任单位（可不填）' : DECISION_UNIT_LABELS[d]);

/** Works on any form whose values include the decision's. */
export function DecisionFields<V extends DecisionValues>({
  form,
  matter,
}: {
  form: UseFormReturnType<V>;
  matter: { id: string; petitionerId: string };
}) {
  const v = form.values;
  const { data: lookup } = useQuery(
    'petitioners.lookup',
    { petitionerId: matter.petitionerId },
    { enabled: v.decision === 'not_again', errorTitle: false },
  );
  const others = (lookup?.history?.matters ?? []).filter((m) => m.id !== matter.id);
  const fieldsRef = useRef<HTMLDivElement>(null);
  // A digit picks the decision; one that needs a field (unit, ground, route, matter) puts the cursor there.
  const pickByDigit = (e: KeyboardEvent<HTMLDivElement>) => {
    const d = DECISIONS[Number(e.key) - 1];
    if (!d || (e.target as HTMLElement).tagName !== 'INPUT' || (e.target as HTMLInputElement).type !== 'radio') return;
    e.preventDefault();
    form.setFieldValue('decision', d.code as never);
    form.clearErrors();
    if (d.code !== 'answered' && d.code !== 'accepted')
      setTimeout(() => fieldsRef.current?.querySelector<HTMLElement>('input, select')?.focus(), 0);
  };
  return (
    <>
      <div onKeyDown={pickByDigit}>
        <Text size="sm" fw={600} mb={4}>
          处理方式
        </Text>
        <SegmentedControl
          fullWidth
          data-autofocus
          tabIndex={-1}
          // The dialog focuses the control; the focus goes on to its chosen (or first) option, where arrows and digits work.
          onFocus={(e) => {
            if (e.target !== e.currentTarget) return;
            e.currentTarget.querySelector<HTMLInputElement>('input:checked, input[type=radio]')?.focus();
          }}
          aria-label="处理方式"
          value={v.decision}
          onChange={(d) => {
            form.setFieldValue('decision', d as never);
            form.clearErrors();
          }}
          data={DECISIONS.map((d, i) => ({ value: d.code, label: `${i + 1} ${d.label}` }))}
          color={v.decision === 'declined' || v.decision === 'not_again' ? 'red' : 'blue'}
        />
        {form.errors.decision && (
          <Text size="sm" c="red" mt={4} role="alert">
            {form.errors.decision}
          </Text>
        )}
      </div>
      <Grid gutter="sm" ref={fieldsRef}>
        {v.decision && unitLabel(v.decision) && (
          <Grid.Col span={7}>
            <TextInput label={unitLabel(v.decision)} withAsterisk={v.decision !== 'accepted'} {...form.getInputProps('unit')} />
          </Grid.Col>
        )}
        {v.decision === 'assigned' && (
          <Grid.Col span={5}>
            <HallDateInput
              label="办理期限（不填为60日）"
              value={v.deadline}
              onChange={(d) => form.setFieldValue('deadline', d as never)}
              error={form.errors.deadline as string}
            />
          </Grid.Col>
        )}
        {v.decision === 'declined' && (
          <Grid.Col span={12}>
            <NativeSelect
              label="不予受理的理由"
              withAsterisk
              data={selectData(DECLINE_GROUNDS, '请选择')}
              {...form.getInputProps('declineGround')}
            />
          </Grid.Col>
        )}
        {v.decision === 'guided' && (
          <Grid.Col span={12}>
            <NativeSelect label="引导的法定途径" withAsterisk data={selectData(LEGAL_ROUTES, '请选择')} {...form.getInputProps('route')} />
          </Grid.Col>
        )}
        {v.decision === 'not_again' && (
          <Grid.Col span={12}>
            <NativeSelect
              label="已终结的同一事项"
              withAsterisk
              data={[
                { value: '', label: others.length ? '请选择' : '此人没有其他事项', disabled: true },
                ...others.map((m) => ({
                  value: m.id,
                  label: `${categoryLabel(m.category)}：${m.summary}（${m.firstVisitNo}${m.state ? `，${endedNotice(m.state) ?? stateLabel(m.state)}` : ''}）`,
                })),
              ]}
              {...form.getInputProps('endedMatterId')}
            />
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <TextInput
            label={v.decision === 'declined' && v.declineGround === 'other' ? '理由（写明）' : '说明（可不填）'}
            withAsterisk={v.decision === 'declined' && v.declineGround === 'other'}
            {...form.getInputProps('reason')}
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
