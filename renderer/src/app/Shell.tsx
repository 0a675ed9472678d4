import { AppShell, Badge, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useHotkeys } from '@mantine/hooks';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { roleLabel } from '@shared/api/roles';
import { call } from '../api/client';
import { useAuth } from './auth-context';
import { RegistrationPage } from '../features/registration/RegistrationPage';
import { TodayPage } from '../features/registration/TodayPage';
import { UsersPage } from '../features/admin/UsersPage';
import { QueueSettingsPage } from '../features/admin/QueueSettingsPage';
import { PadsPage } from '../features/admin/PadsPage';
import { PrintSettingsPage } from '../features/admin/PrintSettingsPage';
import { ReaderSettingsPage } from '../features/admin/ReaderSettingsPage';
import { ExportPage } from '../features/admin/ExportPage';
import { AuditPage } from '../features/admin/AuditPage';
import { CalendarPage } from '../features/admin/CalendarPage';
import { DeskPage } from '../features/queue/DeskPage';
import { IssuePage } from '../features/queue/IssuePage';
import { TicketLogPage } from '../features/queue/TicketLogPage';
import { RoomsPage } from '../features/rooms/RoomsPage';
import { RosterPage } from '../features/rooms/RosterPage';
import { BoardPage } from '../features/rooms/BoardPage';
import { LeaderPage } from '../features/rooms/LeaderPage';
import { DuePage } from '../features/rooms/DuePage';
import { useDueCount } from '../features/rooms/use-due-count';
import { MatterPage } from '../features/matters/MatterPage';
import { LedgerPage } from '../features/matters/LedgerPage';
import { StatsPage } from '../features/stats/StatsPage';
import { TodayHallPage } from '../features/stats/TodayHallPage';
import { navFor, shortcutOf, type NavItem } from './nav';
import { QuickSwitcher } from './QuickSwitcher';
import { ChangePasswordDialog } from '../features/auth/ChangePasswordDialog';

function Nav({ items }: { items: NavItem[] }) {
  const [location] = useLocation();
  const due = useDueCount();
  return (
    <nav aria-label="主菜单">
      {items.map((n, i) => {
        const key = shortcutOf(i);
        const badge =
          n.path === '/due' && due.urgent > 0 ? (
            <Badge
              size="sm"
              color={due.overdue > 0 ? 'red' : 'orange'}
              aria-label={`${due.urgent} 件期限临近或已逾期${due.overdue > 0 ? `，其中 ${due.overdue} 件已逾期` : ''}`}
            >
              {due.urgent}
            </Badge>
          ) : null;
        return (
          <NavLink
            key={n.path}
            href={`#${n.path}`}
            label={n.label}
            aria-keyshortcuts={key ?? undefined}
            active={location === n.path || (n.path === '/due' && location.startsWith('/matters/'))}
            fw={600}
            rightSection={
              badge || key ? (
                <Group gap={4} wrap="nowrap">
                  {badge}
                  {key && (
                    <Text span size="xs" c="dimmed" fw={400} ff="monospace">
                      {key}
                    </Text>
                  )}
                </Group>
              ) : undefined
            }
          />
        );
      })}
    </nav>
  );
}

/** Alt+1…9 open the menu's first nine screens; Ctrl+K the quick switcher. Also from inside fields. */
function useNavKeys(items: NavItem[], openSwitcher: () => void) {
  const [, navigate] = useLocation();
  useHotkeys(
    [...items.slice(0, 9).map((n, i): [string, () => void] => [`alt+${i + 1}`, () => navigate(n.path)]), ['mod+K', openSwitcher]],
    [],
  );
}

function UserMenu() {
  const { user, setUser } = useAuth();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          {/* Named by what it shows (the user's name and role), after a hidden 当前用户 for screen readers. */}
          <UnstyledButton>
            <VisuallyHidden>当前用户：</VisuallyHidden>
            <Group gap="xs">
              <Text c="white" fw={600}>
                {user.displayName}
              </Text>
              <Badge color="gray.1" c="red.9" variant="filled">
                {roleLabel(user.role)}
              </Badge>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.username}</Menu.Label>
          <Menu.Item onClick={() => setChanging(true)}>修改密码</Menu.Item>
          <Menu.Item onClick={() => void call('auth.logout', {}).finally(() => setUser(null))}>退出登录</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordDialog opened={changing} onClose={() => setChanging(false)} />
    </>
  );
}

export function Shell() {
  return (
    <Router hook={useHashLocation}>
      <ShellBody />
    </Router>
  );
}

function ShellBody() {
  const { user } = useAuth();
  const [, navigate] = useLocation();
  const items = navFor(user.role);
  const home = items[0]?.path ?? '/today';
  const [switcher, setSwitcher] = useState(false);
  useNavKeys(items, () => setSwitcher(true));
  return (
    <>
      <AppShell header={{ height: 52 }} navbar={{ width: 176, breakpoint: 0 }} padding="md">
        <AppShell.Header bg="red.9" px="md">
          <Group h="100%" justify="space-between">
            <Text c="white" fw={700} size="lg">
              信访接待大厅
            </Text>
            <UserMenu />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <AppShell.Section grow component={ScrollArea}>
            <Nav items={items} />
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="xs" py={4}>
              Ctrl+K 切换页面
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <Switch>
            <Route path="/register">{user.role === 'leader' ? <Redirect to="/today" /> : <RegistrationPage />}</Route>
            <Route path="/today">
              <TodayPage />
            </Route>
            <Route path="/issue">{user.role === 'leader' ? <Redirect to={home} /> : <IssuePage />}</Route>
            <Route path="/desk">{user.role === 'leader' ? <Redirect to={home} /> : <DeskPage />}</Route>
            <Route path="/queue-log">
              <TicketLogPage />
            </Route>
            <Route path="/board">{user.role === 'leader' ? <Redirect to={home} /> : <BoardPage />}</Route>
            <Route path="/roster">
              <RosterPage />
            </Route>
            <Route path="/due">
              <DuePage />
            </Route>
            <Route path="/matters/:id">{(params) => <MatterPage key={params.id} matterId={params.id} />}</Route>
            <Route path="/ledger">{user.role === 'clerk' ? <Redirect to={home} /> : <LedgerPage />}</Route>
            <Route path="/stats">{user.role === 'clerk' ? <Redirect to={home} /> : <StatsPage />}</Route>
            <Route path="/hall-today">{user.role === 'clerk' ? <TodayHallPage /> : <Redirect to="/stats" />}</Route>
            <Route path="/leader">{user.role === 'leader' ? <LeaderPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/leader">{user.role === 'admin' ? <LeaderPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/rooms">{user.role === 'admin' ? <RoomsPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/queue">{user.role === 'admin' ? <QueueSettingsPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/pads">{user.role === 'admin' ? <PadsPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/printing">{user.role === 'admin' ? <PrintSettingsPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/reader">{user.role === 'admin' ? <ReaderSettingsPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/export">{user.role === 'admin' ? <ExportPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/calendar">{user.role === 'admin' ? <CalendarPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/users">{user.role === 'admin' ? <UsersPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/audit">{user.role === 'admin' ? <AuditPage /> : <Redirect to={home} />}</Route>
            <Route>
              <Redirect to={home} />
            </Route>
          </Switch>
        </AppShell.Main>
      </AppShell>
      <QuickSwitcher opened={switcher} items={items} onClose={() => setSwitcher(false)} onOpen={navigate} />
    </>
  );
}
