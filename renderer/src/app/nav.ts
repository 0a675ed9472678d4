import type { Role } from '@shared/api/roles';

export interface NavItem {
  path: string;
  label: string;
  /** Pinyin initials of the label, for the quick switcher (期限提醒 → qxtx); tests/unit/nav.test.ts checks them. */
  initials: string;
  roles: readonly Role[];
}

// What each role sees mirrors what the backend lets it do (contract.ts access lists).
export const NAV: readonly NavItem[] = [
  { path: '/leader', label: '我的接访', initials: 'wdjf', roles: ['leader'] },
  { path: '/register', label: '来访登记', initials: 'lfdj', roles: ['clerk', 'admin'] },
  { path: '/today', label: '今日来访', initials: 'jrlf', roles: ['clerk', 'leader', 'admin'] },
  { path: '/issue', label: '取号', initials: 'qh', roles: ['clerk', 'admin'] },
  { path: '/desk', label: '窗口叫号', initials: 'ckjh', roles: ['clerk', 'admin'] },
  { path: '/queue-log', label: '叫号记录', initials: 'jhjl', roles: ['clerk', 'leader', 'admin'] },
  { path: '/board', label: '接访看板', initials: 'jfkb', roles: ['clerk', 'admin'] },
  { path: '/roster', label: '接访安排', initials: 'jfap', roles: ['clerk', 'leader', 'admin'] },
  // 信访事项 are reached through their clocks (and the registration history, today's list, the ledger).
  { path: '/due', label: '期限提醒', initials: 'qxtx', roles: ['clerk', 'leader', 'admin'] },
  { path: '/ledger', label: '包案台账', initials: 'batz', roles: ['leader', 'admin'] },
  { path: '/stats', label: '统计分析', initials: 'tjfx', roles: ['leader', 'admin'] },
  { path: '/hall-today', label: '今日大厅', initials: 'jrdt', roles: ['clerk'] },
  { path: '/admin/leader', label: '领导接访', initials: 'ldjf', roles: ['admin'] },
  { path: '/admin/rooms', label: '房间设置', initials: 'fjsz', roles: ['admin'] },
  { path: '/admin/queue', label: '叫号设置', initials: 'jhsz', roles: ['admin'] },
  { path: '/admin/pads', label: '评价器', initials: 'pjq', roles: ['admin'] },
  { path: '/admin/printing', label: '单位与打印', initials: 'dwydy', roles: ['admin'] },
  { path: '/admin/reader', label: '读卡器', initials: 'dkq', roles: ['admin'] },
  { path: '/admin/export', label: '数据导出', initials: 'sjdc', roles: ['admin'] },
  { path: '/admin/calendar', label: '节假日', initials: 'jjr', roles: ['admin'] },
  { path: '/admin/users', label: '账户管理', initials: 'zhgl', roles: ['admin'] },
  { path: '/admin/audit', label: '审计查询', initials: 'sjcx', roles: ['admin'] },
  { path: '/admin/retention', label: '个人信息保留', initials: 'grxxbl', roles: ['admin'] },
  { path: '/admin/backup', label: '备份与恢复', initials: 'bfyhf', roles: ['admin'] },
];

/** A role's menu in order; the first nine have Alt+1…Alt+9. */
export function navFor(role: Role): NavItem[] {
  return NAV.filter((n) => n.roles.includes(role));
}

export function shortcutOf(index: number): string | null {
  return index < 9 ? `Alt+${index + 1}` : null;
}

/** The quick switcher's filter: part of the label, or pinyin initials from the start (qx, qxtx) or inside (tx). */
export function matchesNav(n: NavItem, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  return n.label.includes(q) || n.initials.includes(q);
}
