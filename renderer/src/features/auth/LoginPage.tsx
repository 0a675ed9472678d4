import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { loginInput, type CurrentUser } from '@shared/api/schemas/auth';
import { call } from '../../api/client';
import { messageOf, zodErrors } from '@lib/form-errors';
import { AuthCard } from './AuthCard';

export function LoginPage({ onDone, expired }: { onDone: (u: CurrentUser) => void; expired?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { username: '', password: '' }, validate: (v) => zodErrors(loginInput, v) });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call('auth.login', v));
    } catch (e) {
      setError(messageOf(e));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });
  return (
    <AuthCard title="登录">
      <form onSubmit={submit} noValidate>
        <Stack>
          {expired && !error && <Alert color="yellow">登录已过期，请重新登录；未保存的内容仍在页面上</Alert>}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput label="用户名" autoFocus autoComplete="username" {...form.getInputProps('username')} />
          <PasswordInput label="密码" autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={busy} size="md">
            登录
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
