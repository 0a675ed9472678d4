// 账户管理: the administrator adds accounts, disables them and resets passwords.
// Accounts are never deleted: their names stay on what they registered.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { createUserInput, PASSWORD_MIN, resetPasswordInput, type UserRow } from '@shared/api/schemas/auth';
import { ROLES, roleLabel, type Role } from '@shared/api/roles';
import { formatDateTime } from '@shared/time';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { zodErrors } from '@lib/form-errors';
import { selectData } from '@lib/labels';
import { DialogActions, useApiSubmit } from '@lib/forms';
import { notifyError, notifySuccess } from '@lib/notify';
import { useQuery } from '@lib/use-query';

function CreateUserModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const form = useForm<{ username: string; displayName: string; role: Role; password: string }>({
    initialValues: { username: '', displayName: '', role: 'clerk', password: '' },
    validate: (v) => zodErrors(createUserInput, v),
  });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    const u = await call('users.create', v);
    notifySuccess(`已添加 ${u.displayName}（${roleLabel(u.role)}），首次登录需修改密码`);
    form.reset();
    onCreated();
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title="添加账户">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label="用户名" description="登录用，字母或数字" data-autofocus {...form.getInputProps('username')} />
          <TextInput label="姓名" {...form.getInputProps('displayName')} />
          <NativeSelect label="角色" data={selectData(ROLES)} {...form.getInputProps('role')} />
          <PasswordInput
            label="初始密码"
            description={`至少${PASSWORD_MIN}位，须含字母和数字；用户首次登录后须自行修改`}
            {...form.getInputProps('password')}
          />
          <DialogActions busy={busy} label="添加" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const form = useForm({ initialValues: { password: '' }, validate: (v) => zodErrors(resetPasswordInput, { userId: user?.id, ...v }) });
  const { busy, onSubmit } = useApiSubmit(form, async (v) => {
    if (!user) return;
    await call('users.resetPassword', { userId: user.id, password: v.password });
    notifySuccess(`已重置 ${user.displayName} 的密码并解除锁定，其下次登录需修改密码`);
    form.reset();
    onClose();
  });
  return (
    <Modal opened={user !== null} onClose={onClose} title={`重置密码：${user?.displayName ?? ''}`}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <PasswordInput label="新的初始密码" data-autofocus {...form.getInputProps('password')} />
          <DialogActions busy={busy} label="重置" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function UsersPage() {
  const { user: me } = useAuth();
  const { data: users, reload: load } = useQuery('users.list', {}, { errorTitle: '操作未完成' });
  const rows = users ?? [];
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [confirming, setConfirming] = useState<UserRow | null>(null);

  const toggle = async (u: UserRow) => {
    try {
      await call('users.setDisabled', { userId: u.id, disabled: !u.disabled });
      notifySuccess(`${u.displayName} 已${u.disabled ? '启用' : '停用'}`);
      load();
    } catch (e) {
      notifyError(e);
    } finally {
      setConfirming(null);
    }
  };

  const unlock = async (u: UserRow) => {
    try {
      await call('users.unlock', { userId: u.id });
      notifySuccess(`${u.displayName} 已解锁，可用原密码登录`);
      load();
    } catch (e) {
      notifyError(e);
    }
  };

  const scope = async (u: UserRow, all: boolean) => {
    try {
      await call('users.setQueueScope', { userId: u.id, seesAllQueues: all });
      notifySuccess(all ? `${u.displayName} 可查看所有领导的接访队列` : `${u.displayName} 只能查看本人的接访队列`);
      load();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3}>账户管理</Title>
        <Button onClick={() => setCreating(true)}>添加账户</Button>
      </Group>
      <Table striped aria-label="账户列表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>用户名</Table.Th>
            <Table.Th>姓名</Table.Th>
            <Table.Th>角色</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th>最近登录</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>
                {roleLabel(u.role)}
                {u.role === 'leader' && (
                  <Checkbox
                    mt={4}
                    size="xs"
                    label="可看所有领导的接访队列"
                    checked={u.seesAllQueues}
                    onChange={(e) => void scope(u, e.currentTarget.checked)}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.disabled ? <Badge color="gray">已停用</Badge> : <Badge color="teal">正常</Badge>}
                  {u.locked && <Badge color="red">已锁定</Badge>}
                  {u.mustChangePassword && <Badge color="yellow">待改密码</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '从未登录'}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  {u.locked && (
                    <Button size="xs" variant="light" color="orange" onClick={() => void unlock(u)}>
                      解锁
                    </Button>
                  )}
                  <Button size="xs" variant="default" onClick={() => setResetting(u)}>
                    重置密码
                  </Button>
                  {u.id !== me.id && (
                    <Button
                      size="xs"
                      variant="light"
                      color={u.disabled ? 'teal' : 'red'}
                      onClick={() => (u.disabled ? void toggle(u) : setConfirming(u))}
                    >
                      {u.disabled ? '启用' : '停用'}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} onCreated={load} />
      <ResetPasswordModal
        user={resetting}
        onClose={() => {
          setResetting(null);
          load();
        }}
      />
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title="确认停用账户">
        <Stack>
          <Text>
            停用后 {confirming?.displayName}（{confirming?.username}）将立即退出登录且不能再登录；其已登记的记录保留。确定停用吗？
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              取消
            </Button>
            <Button color="red" onClick={() => confirming && void toggle(confirming)}>
              停用
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
