import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { changePasswordInput, PASSWORD_MIN, type CurrentUser } from '@shared/api/schemas/auth';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { useApiSubmit } from '@lib/forms';
import { notifySuccess } from '@lib/notify';
import { AuthCard } from './AuthCard';

/** Shown when the administrator set (or reset) this account's password: the user must choose their own. */
export function ChangePasswordPage({ user, onDone }: { user: CurrentUser; onDone: (u: CurrentUser | null) => void }) {
  const form = useForm({
    initialValues: { oldPassword: '', newPassword: '', confirm: '' },
    validate: (v) => ({
      ...zodErrors(changePasswordInput, v),
      ...(v.confirm !== v.newPassword ? { confirm: '两次输入的密码不一致' } : {}),
    }),
  });
  const { busy, onSubmit } = useApiSubmit(form, async ({ confirm: _c, ...v }) => {
    onDone(await call('auth.changePassword', v));
    notifySuccess('密码已修改');
  });
  return (
    <AuthCard title="请修改初始密码" subtitle={`${user.displayName}（${user.username}），管理员设置的密码只能用于首次登录。`}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <PasswordInput label="原密码" autoFocus {...form.getInputProps('oldPassword')} />
          <PasswordInput label="新密码" description={`至少${PASSWORD_MIN}位，须含字母和数字`} {...form.getInputProps('newPassword')} />
          <PasswordInput label="再次输入新密码" {...form.getInputProps('confirm')} />
          <Button type="submit" loading={busy}>
            修改密码并进入
          </Button>
          <Button variant="subtle" color="gray" onClick={() => void call('auth.logout', {}).then(() => onDone(null))}>
            退出登录
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
