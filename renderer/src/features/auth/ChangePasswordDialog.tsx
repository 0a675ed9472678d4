// 修改密码 from the user menu (Tab to the name, Enter, ↓ to 修改密码, Enter):
// the old password, the new one twice; Enter moves on, Ctrl+Enter saves. The
// user stays logged in here; their other logins end (auth.changePassword).
import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { RefObject } from 'react';
import { changePasswordInput, PASSWORD_MIN } from '@shared/api/schemas/auth';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { DialogActions, useApiSubmit } from '@lib/forms';
import { dialogKeys } from '@lib/keyboard';
import { notifySuccess } from '@lib/notify';

export function ChangePasswordDialog({
  opened,
  onClose,
  returnFocusTo,
}: {
  opened: boolean;
  onClose: () => void;
  /** Where the focus goes once the dialog has closed (the user menu's button: the menu item that opened it is gone). */
  returnFocusTo: RefObject<HTMLElement | null>;
}) {
  const form = useForm({
    initialValues: { oldPassword: '', newPassword: '', confirm: '' },
    validate: (v) => ({
      ...zodErrors(changePasswordInput, v),
      ...(v.confirm !== v.newPassword ? { confirm: '两次输入的密码不一致' } : {}),
    }),
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const { busy, onSubmit } = useApiSubmit(form, async ({ confirm: _c, ...v }) => {
    await call('auth.changePassword', v);
    notifySuccess('密码已修改，其他已登录的窗口需重新登录');
    close();
  });
  return (
    // The first field takes the focus as the dialog opens (data-autofocus); the menu that opened it
    // no longer takes it back (Shell.tsx), and the dialog hands it to the menu's button when it is gone.
    <Modal
      opened={opened}
      onClose={close}
      title="修改密码"
      returnFocus={false}
      transitionProps={{ onExited: () => returnFocusTo.current?.focus() }}
    >
      <form onSubmit={onSubmit} onKeyDown={dialogKeys} noValidate aria-label="修改密码">
        <Stack>
          <PasswordInput label="原密码" data-autofocus {...form.getInputProps('oldPassword')} />
          <PasswordInput label="新密码" description={`至少${PASSWORD_MIN}位，须含字母和数字`} {...form.getInputProps('newPassword')} />
          <PasswordInput label="再次输入新密码" {...form.getInputProps('confirm')} />
          <DialogActions busy={busy} label="修改密码" onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
