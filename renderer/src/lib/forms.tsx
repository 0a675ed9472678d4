import { Button, Group } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@shared/api/errors';
import { notifyError } from './notify';

/**
 * Submit handler for a form that calls the backend: validates with the form's
 * rules, shows a spinner, puts the backend's per-field messages under the
 * fields, and a notification for the rest.
 */
export function useApiSubmit<V>(
  form: UseFormReturnType<V>,
  action: (values: V) => Promise<void>,
  opts: { errorTitle?: string; fieldPath?: (backendPath: string) => string } = {},
): { busy: boolean; onSubmit: (e?: FormEvent<HTMLFormElement>) => void } {
  const [busy, setBusy] = useState(false);
  const onSubmit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await action(values);
    } catch (e) {
      if (e instanceof ApiError && e.fields) {
        const map = opts.fieldPath ?? ((p: string) => p);
        form.setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, m]) => [map(k), m])));
      }
      notifyError(e, opts.errorTitle);
    } finally {
      setBusy(false);
    }
  });
  return { busy, onSubmit };
}

/** 取消 / confirm buttons at the foot of a dialog form. */
export function DialogActions({ busy, label, onCancel }: { busy: boolean; label: string; onCancel: () => void }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        取消
      </Button>
      <Button type="submit" loading={busy}>
        {label}
      </Button>
    </Group>
  );
}
