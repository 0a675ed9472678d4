import { AppShell, Badge, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useRef, useState } from 'react';
import { useHotkeys } from '@mantine/hooks';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { roleLabel } from '@shared/api/roles';
import { call } from '../api/client';
import { useAuth } from './auth-context';
import { useDueCount } from '../features/rooms/use-due-count';
import { navFor, shortcutOf, type NavItem } from './nav';
import { QuickSwitcher } from './QuickSwitcher';
import { ChangePasswordDialog } from '../features/auth/ChangePasswordDialog';
import { lazyPage, PageSuspense } from '@lib/lazy-page';
import { useReloadOnRestore } from '@lib/use-query';

// Each screen's code loads when it is first opened.
const RegistrationPage = lazyPage(() => import('../features/registration/RegistrationPage'), 'RegistrationPage');
const TodayPage = lazyPage(() => import('../features/registration/TodayPage'), 'TodayPage');
const UsersPage = lazyPage(() => import('../features/admin/UsersPage'), 'UsersPage');
const QueueSettingsPage = lazyPage(() => import('../features/admin/QueueSettingsPage'), 'QueueSettingsPage');
const PadsPage = lazyPage(() => import('../features/admin/PadsPage'), 'PadsPage');
const PrintSettingsPage = lazyPage(() => import('../features/admin/PrintSettingsPage'), 'PrintSettingsPage');
const ReaderSettingsPage = lazyPage(() => import('../features/admin/ReaderSettingsPage'), 'ReaderSettingsPage');
const ExportPage = lazyPage(() => import('../features/admin/ExportPage'), 'ExportPage');
const AuditPage = lazyPage(() => import('../features/admin/AuditPage'), 'AuditPage');
const BackupPage = lazyPage(() => import('../features/admin/BackupPage'), 'BackupPage');
const RetentionPage = lazyPage(() => import('../features/admin/RetentionPage'), 'RetentionPage');
const CalendarPage = lazyPage(() => import('../features/admin/CalendarPage'), 'CalendarPage');
const DeskPage = lazyPage(() => import('../features/queue/DeskPage'), 'DeskPage');
const IssuePage = lazyPage(() => import('../features/queue/IssuePage'), 'IssuePage');
const TicketLogPage = lazyPage(() => import('../features/queue/TicketLogPage'), 'TicketLogPage');
const RoomsPage = lazyPage(() => import('../features/rooms/RoomsPage'), 'RoomsPage');
const RosterPage = lazyPage(() => import('../features/rooms/RosterPage'), 'RosterPage');
const BoardPage = lazyPage(() => import('../features/rooms/BoardPage'), 'BoardPage');
const LeaderPage = lazyPage(() => import('../features/rooms/LeaderPage'), 'LeaderPage');
const DuePage = lazyPage(() => import('../features/rooms/DuePage'), 'DuePage');
const MatterPage = lazyPage(() => import('../features/matters/MatterPage'), 'MatterPage');
const LedgerPage = lazyPage(() => import('../features/matters/LedgerPage'), 'LedgerPage');
const StatsPage = lazyPage(() => import('../features/stats/StatsPage'), 'StatsPage');
const TodayHallPage = lazyPage(() => import('../features/stats/TodayHallPage'), 'TodayHallPage');

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
  const target = useRef<HTMLButtonElement>(null);
  return (
    <>
      {/* The menu hands focus back to its button when it closes, but not when it opens 修改密码:
          the dialog takes the focus and gives it back to the button when it closes. */}
      <Menu position="bottom-end" returnFocus={!changing}>
        <Menu.Target>
          {/* Named by what it shows (the user's name and role), after a hidden 当前用户 for screen readers. */}
          <UnstyledButton ref={target}>
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
      <ChangePasswordDialog opened={changing} onClose={() => setChanging(false)} returnFocusTo={target} />
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
  const [location, navigate] = useLocation();
  const items = navFor(user.role);
  const home = items[0]?.path ?? '/today';
  const [switcher, setSwitcher] = useState(false);
  useNavKeys(items, () => setSwitcher(true));
  useReloadOnRestore();
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
          {/* Keyed by the screen: leaving a screen always ends it. Without the key, a screen left
              while the next one's code was still loading stayed mounted (hidden by Suspense) and
              came back with its old form when the clerk returned at once. */}
          <PageSuspense key={location}>
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
              <Route path="/admin/retention">{user.role === 'admin' ? <RetentionPage /> : <Redirect to={home} />}</Route>
              <Route path="/admin/backup">{user.role === 'admin' ? <BackupPage /> : <Redirect to={home} />}</Route>
              <Route>
                <Redirect to={home} />
              </Route>
            </Switch>
          </PageSuspense>
        </AppShell.Main>
      </AppShell>
      <QuickSwitcher opened={switcher} items={items} onClose={() => setSwitcher(false)} onOpen={navigate} />
    </>
  );
}
