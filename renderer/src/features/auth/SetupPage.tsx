import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { createAdminInput, PASSWORD_MIN, type CurrentUser } from '@shared/api/schemas/auth';
import { call } from '../../api/client';
import { zodErrors } from '@lib/form-errors';
import { useApiSubmit } from '@lib/forms';
import { AuthCard } from './AuthCard';

/**
 * First run: there are no accounts yet, so the first person creates the administrator and names
 * the bureau printed on every formal notice (notices are refused until it is named).
 */
export function SetupPage({ onDone }: { onDone: (u: CurrentUser) => void }) {
  const form = useForm({
    initialValues: { bureau: { name: '', address: '' }, username: 'admin', displayName: '', password: '', confirm: '' },
    validate: (v) => ({
      ...zodErrors(createAdminInput, v),
      ...(v.confirm !== v.password ? { confirm: '两次输入的密码不一致' } : {}),
    }),
  });
  const { busy, onSubmit } = useApiSubmit(form, async ({ confirm: _c, ...v }) => onDone(await call('setup.createAdmin', v)));
  return (
    <AuthCard title="首次使用：设置管理员" subtitle="单位名称和地址印在告知书上；管理员负责添加登记员、接访领导等账户，请妥善保管密码。">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput
            label="单位名称"
            placeholder="如：某某区信访局"
            required
            data-autofocus
            autoFocus
            {...form.getInputProps('bureau.name')}
          />
          <TextInput label="单位地址" required {...form.getInputProps('bureau.address')} />
          <TextInput label="管理员用户名" required {...form.getInputProps('username')} />
          <TextInput label="管理员姓名" required {...form.getInputProps('displayName')} />
          <PasswordInput label="密码" description={`至少${PASSWORD_MIN}位，须含字母和数字`} required {...form.getInputProps('password')} />
          <PasswordInput label="再次输入密码" required {...form.getInputProps('confirm')} />
          <Button type="submit" loading={busy} size="md">
            创建管理员并登录
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
