// The frame every matter action's dialog shares: the matter it acts on, the
// date of the act (today unless the clerk says otherwise), the backend's
// refusal in words, a confirmation for what cannot be undone, and one
// matters.act call with the version the screen showed.
import { Alert, Group, Modal, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError } from '@shared/api/errors';
import { matterActInput, type MatterActInput, type MatterView } from '@shared/api/schemas/matters';
import { MATTER_ACTIONS, type MatterAction } from '@shared/domain/matter';
import { labelOf } from '@shared/domain/categories';
import { call } from '../../api/client';
import { messageOf } from '@lib/form-errors';
import { DialogActions } from '@lib/forms';
import { HallDateInput } from '@lib/HallDateInput';
import { notifySuccess } from '@lib/notify';
import { stateLabel } from './matter-ui';

/** What every action dialog is given. */
export interface ActDialogProps {
  matter: MatterView;
  onClose: () => void;
  onDone?: (m: MatterView) => void;
  /** False: the caller puts the focus where it wants after closing (the registration form's first field). */
  returnFocus?: boolean;
}

/** The input an action's fields make, before the shell adds the matter, version and date. */
type ActFields = { action: MatterAction } & Record<string, unknown>;

/**
 * Enter moves to the next field and, from the last one, saves; in a text area
 * Enter is a new line. Ctrl+Enter saves from anywhere. `enterSubmits`: Enter
 * saves from any single-line field (the window decision: one key, done).
 */
function keys(enterSubmits: boolean) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.altKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
      return;
    }
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    e.preventDefault();
    const fields = Array.from(
      e.currentTarget.querySelectorAll<HTMLElement>(
        'input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])',
      ),
    );
    const next = fields[fields.indexOf(target) + 1];
    if (enterSubmits || !next) e.currentTarget.requestSubmit();
    else next.focus();
  };
}

/**
 * The backend's own schema, run in the dialog: { path: message }. A union
 * reports an invalid member as one 'invalid_union' issue; the messages of the
 * member for this action (the one not failing on `action`) are the ones to show.
 */
function actErrors(input: unknown): Record<string, string> {
  const r = matterActInput.safeParse(input);
  if (r.success) return {};
  const issues = r.error.issues.flatMap((i) =>
    i.code === 'invalid_union' ? (i.errors.find((list) => !list.some((x) => x.path[0] === 'action')) ?? [i]) : [i],
  );
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path.join('.') || '_'] ??= issue.message;
  return errors;
}

export function ActDialog<V extends { on: string }>({
  matter,
  action,
  form,
  toInput,
  confirm,
  enterSubmits = false,
  submitLabel,
  size = 'lg',
  onClose,
  onDone,
  returnFocus = true,
  children,
}: ActDialogProps & {
  action: MatterAction;
  form: UseFormReturnType<V>;
  toInput: (values: V) => ActFields;
  /** A warning to confirm before saving (an act that cannot be undone); null: none needed. */
  confirm?: (values: V) => string | null;
  enterSubmits?: boolean;
  submitLabel?: string;
  size?: string;
  children: ReactNode;
}) {
  // The version the clerk saw when opening: a change by someone else meanwhile is refused, not overwritten.
  const [version] = useState(matter.version);
  const [busy, setBusy] = useState(false);
  // A refusal stands for the values it was given for: changing any field takes it away.
  const valuesKey = JSON.stringify(form.values);
  const [refused, setRefused] = useState<{ message: string; values: string } | null>(null);
  const refusal = refused && refused.values === valuesKey ? refused.message : null;
  const setRefusal = (message: string | null) => setRefused(message ? { message, values: valuesKey } : null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const label = submitLabel ?? labelOf(MATTER_ACTIONS, action);

  const submit = form.onSubmit(async (values) => {
    setRefusal(null);
    const input = { ...toInput(values), matterId: matter.id, version, on: values.on } as MatterActInput;
    const errors = actErrors(input);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      setRefusal(`请检查：${Object.values(errors)[0]}`);
      return;
    }
    const warning = confirm?.(values) ?? null;
    if (warning && !confirming) {
      setConfirming(warning);
      return;
    }
    setBusy(true);
    try {
      const m = await call('matters.act', input);
      notifySuccess(`${matter.name}：${label}已保存，事项${stateLabel(m.state)}`);
      onDone?.(m);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setErrors(e.fields);
      setRefusal(messageOf(e));
      setConfirming(null);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      returnFocus={returnFocus}
      size={size}
      title={<Text fw={700}>{`${labelOf(MATTER_ACTIONS, action)} · ${matter.name}`}</Text>}
    >
      <form noValidate onSubmit={submit} onKeyDown={keys(enterSubmits)} aria-label={labelOf(MATTER_ACTIONS, action)}>
        <Stack gap="sm">
          {/* The date first: its calendar drops over the fields, never over a refusal or a confirmation. */}
          <Group justify="space-between" align="flex-end" wrap="nowrap">
            <Text size="sm" c="dimmed" lineClamp={2}>
              {matter.summary}（{stateLabel(matter.state)}）
            </Text>
            <HallDateInput
              label="日期"
              value={form.values.on}
              onChange={(on) => form.setFieldValue('on' as never, on as never)}
              error={form.errors.on as string}
            />
          </Group>
          {matter.version !== version && (
            <Alert color="yellow" variant="light">
              该事项刚被他人更新，请关闭此窗口核对后再操作。
            </Alert>
          )}
          {children}
          {refusal && (
            <Alert color="red" variant="light" role="alert" title="未保存">
              {refusal}
            </Alert>
          )}
          {confirming && (
            <Alert color="orange" variant="filled" role="alert" title={`确认${label}？`}>
              {confirming}（再按保存键确认，Esc 取消）
            </Alert>
          )}
          <Group justify="space-between" align="center">
            <Text size="xs" c="dimmed">
              Enter 下一项（末项即保存）· Ctrl+Enter 保存 · Esc 取消
            </Text>
            <DialogActions busy={busy} label={confirming ? `确认${label}` : label} onCancel={onClose} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
