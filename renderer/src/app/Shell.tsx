import { AppShell, Badge, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { roleLabel, type Role } from '@shared/api/roles';
import { call } from '../api/client';
import { useAuth } from './auth-context';
import { RegistrationPage } from '../features/registration/RegistrationPage';
import { TodayPage } from '../features/registration/TodayPage';
import { UsersPage } from '../features/admin/UsersPage';
import { QueueSettingsPage } from '../features/admin/QueueSettingsPage';
import { PrintSettingsPage } from '../features/admin/PrintSettingsPage';
import { ExportPage } from '../features/admin/ExportPage';
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

interface NavItem {
  path: string;
  label: string;
  roles: readonly Role[];
}

// What each role sees mirrors what the backend lets it do (contract.ts access lists).
const NAV: NavItem[] = [
  { path: '/leader', label: '我的接访', roles: ['leader'] },
  { path: '/register', label: '来访登记', roles: ['clerk', 'admin'] },
  { path: '/today', label: '今日来访', roles: ['clerk', 'leader', 'admin'] },
  { path: '/issue', label: '取号', roles: ['clerk', 'admin'] },
  { path: '/desk', label: '窗口叫号', roles: ['clerk', 'admin'] },
  { path: '/queue-log', label: '叫号记录', roles: ['clerk', 'leader', 'admin'] },
  { path: '/board', label: '接访看板', roles: ['clerk', 'admin'] },
  { path: '/roster', label: '接访安排', roles: ['clerk', 'leader', 'admin'] },
  // 信访事项 are reached through their clocks (and the registration history, today's list, the ledger).
  { path: '/due', label: '期限提醒', roles: ['clerk', 'leader', 'admin'] },
  { path: '/ledger', label: '包案台账', roles: ['leader', 'admin'] },
  { path: '/stats', label: '统计分析', roles: ['leader', 'admin'] },
  { path: '/admin/leader', label: '领导接访', roles: ['admin'] },
  { path: '/admin/rooms', label: '房间设置', roles: ['admin'] },
  { path: '/admin/queue', label: '叫号设置', roles: ['admin'] },
  { path: '/admin/printing', label: '单位与打印', roles: ['admin'] },
  { path: '/admin/export', label: '数据导出', roles: ['admin'] },
  { path: '/admin/calendar', label: '节假日', roles: ['admin'] },
  { path: '/admin/users', label: '账户管理', roles: ['admin'] },
];

function Nav() {
  const { user } = useAuth();
  const [location, navigate] = useLocation();
  const due = useDueCount();
  return (
    <>
      {NAV.filter((n) => n.roles.includes(user.role)).map((n) => (
        <NavLink
          key={n.path}
          label={n.label}
          active={location === n.path || (n.path === '/due' && location.startsWith('/matters/'))}
          onClick={() => navigate(n.path)}
          fw={600}
          rightSection={
            n.path === '/due' && due.urgent > 0 ? (
              <Badge
                size="sm"
                color={due.overdue > 0 ? 'red' : 'orange'}
                aria-label={`${due.urgent} 件期限临近或已逾期${due.overdue > 0 ? `，其中 ${due.overdue} 件已逾期` : ''}`}
              >
                {due.urgent}
              </Badge>
            ) : undefined
          }
        />
      ))}
    </>
  );
}

function UserMenu() {
  const { user, setUser } = useAuth();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <UnstyledButton aria-label="当前用户">
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
        <Menu.Item onClick={() => void call('auth.logout', {}).finally(() => setUser(null))}>退出登录</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function Shell() {
  const { user } = useAuth();
  const home = NAV.find((n) => n.roles.includes(user.role))?.path ?? '/today';
  return (
    <Router hook={useHashLocation}>
      <AppShell header={{ height: 52 }} navbar={{ width: 150, breakpoint: 0 }} padding="md">
        <AppShell.Header bg="red.9" px="md">
          <Group h="100%" justify="space-between">
            <Text c="white" fw={700} size="lg">
              信访接待大厅
            </Text>
            <UserMenu />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <Nav />
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
            <Route path="/leader">{user.role === 'leader' ? <LeaderPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/leader">{user.role === 'admin' ? <LeaderPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/rooms">{user.role === 'admin' ? <RoomsPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/queue">{user.role === 'admin' ? <QueueSettingsPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/printing">{user.role === 'admin' ? <PrintSettingsPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/export">{user.role === 'admin' ? <ExportPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/calendar">{user.role === 'admin' ? <CalendarPage /> : <Redirect to={home} />}</Route>
            <Route path="/admin/users">{user.role === 'admin' ? <UsersPage /> : <Redirect to={home} />}</Route>
            <Route>
              <Redirect to={home} />
            </Route>
          </Switch>
        </AppShell.Main>
      </AppShell>
    </Router>
  );
}
