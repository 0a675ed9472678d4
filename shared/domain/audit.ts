// Chinese names of the audit log's actions, for 审计查询 and its xlsx export.
// An action without a name here is shown as its code.
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  read: '查阅个人信息',
  'audit.query': '查询审计日志',
  'audit.export': '导出审计日志',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账户锁定',
  'user.create': '新建账户',
  'user.unlock': '解锁账户',
  'user.change_password': '修改密码',
  'user.rehash': '更新密码哈希',
  'visit.register': '来访登记',
  'visit.correct': '更正登记',
  'visit.outcome': '记录处理结果',
  'petitioner.create': '新建信访人',
  'petitioner.update': '更新信访人',
  'matter.create': '新建信访事项',
  decide: '事项决定',
  deliver: '送达',
  supervise: '督办',
  'ticket.issue': '取号',
  'ticket.call': '叫号',
  'ticket.recall': '重呼',
  'talk.record': '接谈记录',
  'print.failed': '打印失败',
  'notice.archive': '告知书存档',
  'notice.open': '查看存档告知书',
  'export.batch': '导出批次',
  'export.reexport': '重新导出',
  'calendar.save': '保存节假日',
  'matters.recompute_due': '重算期限',
  'settings.retention': '设置个人信息保留年限',
  'retention.minimize': '个人信息最小化',
  'retention.run': '执行个人信息保留',
  'backup.create': '备份',
  'backup.failed': '备份失败',
  'backup.restore': '从备份恢复',
  'backup.restoreFailed': '恢复未完成',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** What a read-audit row's entity (the contract method) means to the administrator. */
const READ_METHOD_LABELS: Readonly<Record<string, string>> = {
  'petitioners.lookup': '查询信访人及历史',
  'petitioners.search': '搜索信访人',
  'visits.get': '查看来访详情',
  'visits.listDay': '今日来访列表',
  'queue.board': '窗口叫号队列',
  'queue.dayLog': '叫号记录',
  'reception.board': '接访日排期',
  'reception.myQueue': '领导接访队列',
  'matters.get': '查看信访事项',
  'matters.dueList': '事项期限清单',
  'matters.ledger': '包案台账',
  'stats.drill': '统计明细',
  'print.preview': '打印预览',
  'print.slip': '打印页面',
  'print.archive': '告知书存档列表',
  'print.log': '打印记录',
  'export.failures': '导出失败清单',
  'retention.report': '个人信息保留报告',
  'retention.reportXlsx': '导出个人信息保留报告',
};

export function readMethodLabel(method: string): string {
  return READ_METHOD_LABELS[method] ?? method;
}
