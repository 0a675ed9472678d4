// 选择数据位置 (desktop app only): this machine's data, or the hall's
// PostgreSQL server. Shown at the first run, when the saved password is not
// kept on this machine, and from the menu 文件 → 数据位置. Outside the contract
// (see api/setup-client.ts), so it loads its state itself instead of useQuery.
import {
  Alert,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { connectionInput, type ConnectionOutcome, type ConnectionState } from '@shared/api/schemas/connection';
import { zodErrors } from '@lib/form-errors';
import { setupBridge } from '../../api/setup-client';

interface Values {
  kind: 'sqlite' | 'postgres';
  host: string;
  port: number | string;
  database: string;
  user: string;
  password: string;
  savePassword: boolean;
}

export function ConnectionPage() {
  const [state, setState] = useState<ConnectionState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<(ConnectionOutcome & { action: string }) | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | 'connect' | null>(null);
  const [editing, setEditing] = useState(false);
  const form = useForm<Values>({
    initialValues: { kind: 'sqlite', host: '', port: 5432, database: 'petition_hall', user: 'hall', password: '', savePassword: true },
    validate: (v) => (v.kind === 'sqlite' ? {} : zodErrors(connectionInput, v)),
  });

  useEffect(() => {
    setupBridge()
      .state()
      .then((s) => {
        setState(s);
        const c = s.current;
        if (c.kind === 'postgres') {
          form.setValues({
            kind: 'postgres',
            host: c.host,
            port: c.port,
            database: c.database,
            user: c.user,
            savePassword: s.canSavePassword && c.passwordSaved,
          });
        } else {
          form.setValues({ kind: c.kind === 'none' ? 'sqlite' : c.kind, savePassword: s.canSavePassword });
        }
      })
      .catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
    // Loaded once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const run = async (action: 'test' | 'save' | 'connect', label: string, input: unknown) => {
    setBusy(action);
    setOutcome(null);
    try {
      const r = await setupBridge()[action](input);
      if (!r.ok && r.fields) form.setErrors(r.fields);
      setOutcome({ ...r, action: label });
    } catch (e) {
      setOutcome({ ok: false, message: e instanceof Error ? e.message : String(e), action: label });
    } finally {
      setBusy(null);
    }
  };
  const payload = (v: Values) => (v.kind === 'sqlite' ? { kind: 'sqlite' } : { ...v, port: Number(v.port) });
  const onTest = () => {
    if (!form.validate().hasErrors) void run('test', '测试连接', payload(form.getValues()));
  };
  const onSave = form.onSubmit((v) => void run('save', '保存', payload(v)));

  if (loadError)
    return (
      <Center h="100%">
        <Alert color="red" title="无法读取连接设置">
          {loadError}
        </Alert>
      </Center>
    );
  if (!state)
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );

  const current = state.current;
  const askPassword = current.kind === 'postgres' && !current.passwordSaved && !editing;
  const result = outcome && (
    <Alert
      role="status"
      data-testid="connection-result"
      color={outcome.ok ? 'green' : 'red'}
      title={outcome.ok ? `${outcome.action}：成功` : `${outcome.action}：未成功`}
    >
      {outcome.message}
    </Alert>
  );

  return (
    <Center mih="100%" py="lg">
      <Paper shadow="md" p="xl" w={560} radius="md" withBorder>
        <Stack gap="xs" mb="lg">
          <Text c="red.8" fw={700} size="sm">
            信访接待大厅
          </Text>
          <Title order={2}>选择数据位置</Title>
          <Text c="dimmed" size="sm">
            单台电脑使用选“本机数据”；大厅多台电脑共用一个排队和来访记录时，选“连接大厅数据库”（PostgreSQL 15 或更新）。
          </Text>
        </Stack>
        {askPassword ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void run('connect', '连接', { password: form.getValues().password });
            }}
          >
            <Stack>
              <Text>
                大厅数据库：<b>{`${current.user}@${current.host}:${current.port}/${current.database}`}</b>
              </Text>
              <Text size="sm" c="dimmed">
                密码未保存在本机，每次启动时需输入。
              </Text>
              <PasswordInput label="数据库密码" data-autofocus autoFocus {...form.getInputProps('password')} />
              <Group>
                <Button type="submit" loading={busy === 'connect'} size="md">
                  连接并进入
                </Button>
                <Button variant="subtle" onClick={() => setEditing(true)}>
                  更改数据位置…
                </Button>
              </Group>
              {result}
            </Stack>
          </form>
        ) : (
          <form onSubmit={onSave} noValidate>
            <Stack>
              <Radio.Group label="数据保存在" {...form.getInputProps('kind')}>
                <Stack gap="xs" mt={6}>
                  <Radio
                    value="sqlite"
                    label="本机数据"
                    description="保存在本机的数据文件夹中，只供这台电脑使用"
                    data-autofocus
                    autoFocus
                  />
                  <Radio value="postgres" label="连接大厅数据库" description="多台电脑共用大厅服务器上的数据库" />
                </Stack>
              </Radio.Group>
              {form.getValues().kind === 'postgres' && (
                <>
                  <Group grow align="flex-start">
                    <TextInput label="服务器地址" placeholder="如 192.168.1.10" required {...form.getInputProps('host')} />
                    <NumberInput label="端口" required min={1} max={65535} hideControls maw={120} {...form.getInputProps('port')} />
                  </Group>
                  <Group grow align="flex-start">
                    <TextInput label="数据库名" required {...form.getInputProps('database')} />
                    <TextInput label="用户名" required {...form.getInputProps('user')} />
                  </Group>
                  <PasswordInput label="密码" {...form.getInputProps('password')} />
                  <Checkbox
                    label="保存密码（由系统加密保存在本机）"
                    description={state.canSavePassword ? '不保存则每次启动时输入' : state.whyNoSave}
                    disabled={!state.canSavePassword}
                    {...form.getInputProps('savePassword', { type: 'checkbox' })}
                  />
                </>
              )}
              {result}
              <Group justify="space-between">
                {form.getValues().kind === 'postgres' ? (
                  <Button variant="default" onClick={onTest} loading={busy === 'test'}>
                    测试连接
                  </Button>
                ) : (
                  <span />
                )}
                <Button type="submit" loading={busy === 'save'} size="md">
                  保存
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                保存前会先测试连接；保存后需重新启动程序才会使用新的数据位置（首次使用时自动重新启动）。原有数据不会被删除或移动，迁移数据见使用说明。
              </Text>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
