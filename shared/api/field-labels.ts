// The Chinese name of every input field of the contract, by its key, for the messages of
// rules that have no message of their own (a wrong type, an unknown option, an over-long
// list): "来访人数格式不正确，请重新填写" instead of zod's "无效输入：期望 number，实际接收 string".
// A key whose meaning depends on where it sits is named by `parent.key` (PARENT_LABELS).
// tests/unit/validation-messages.test.ts fails on any field left without a name here.
import type { z } from 'zod';

const LABELS: Record<string, string> = {
  action: '处理方式',
  active: '启用状态',
  address: '住址',
  answer: '评价',
  answerKey: '评价编号',
  appointmentTime: '预约时间',
  approver: '批准人',
  archiveId: '存档告知书',
  attendees: '参加人员',
  authority: '机关名称',
  autoPrintTicket: '自动打印排队凭条',
  basis: '依据',
  birthDate: '出生日期',
  bookingId: '候谈登记',
  bureau: '单位信息',
  capacity: '容纳人数',
  category: '内容分类',
  changes: '修改内容',
  clock: '时间',
  code: '代码',
  contact: '联系方式',
  copies: '份数',
  date: '日期',
  dayEnd: '每日结束时间',
  days: '天数',
  deadline: '期限',
  decision: '处理决定',
  declineGround: '不予受理理由',
  demands: '诉求',
  deskId: '窗口',
  destinationId: '导出位置',
  direction: '移动方向',
  disabled: '停用状态',
  displayName: '姓名',
  displayNames: '显示名称',
  driver: '读卡器类型',
  due: '期限',
  enabled: '启用状态',
  end: '结束时间',
  endedMatterId: '已终结的信访事项',
  error: '错误说明',
  escort: '陪访人员',
  evaluation: '评价',
  evaluationId: '评价记录',
  expectedCurrentId: '当前叫号',
  expectedVersion: '记录版本',
  facts: '事实',
  fields: '字段',
  figure: '统计项',
  filter: '筛选条件',
  formats: '导出格式',
  from: '开始日期',
  id: '记录编号',
  idNumber: '证件号码',
  idType: '证件类型',
  jobId: '打印任务',
  keepStagedDays: '导出文件保留天数',
  key: '分项',
  kind: '类型',
  laneId: '队列',
  laneIds: '队列',
  lawyer: '值班律师',
  lawyerPresent: '律师是否在场',
  leaderId: '接访领导',
  limit: '条数',
  locationArea: '问题发生地',
  mapping: '字段对应',
  matterId: '信访事项',
  messagePath: '提示信息位置',
  method: '请求方式',
  minIntervalMs: '读卡间隔',
  mode: '方式',
  name: '名称',
  nation: '民族',
  newPassword: '新密码',
  noCardCodes: '无卡状态码',
  noReaderCodes: '无读卡器状态码',
  noShowAfterCalls: '过号前呼叫次数',
  notes: '谈话记录',
  notice: '告知书',
  number: '编号',
  offset: '起始位置',
  ok: '打印结果',
  okCodes: '成功状态码',
  oldPassword: '原密码',
  on: '日期',
  openFrom: '开放开始时间',
  openTo: '开放结束时间',
  opinion: '意见',
  orderRule: '排序规则',
  ordinary: '普通号',
  padId: '评价器',
  page: '页码',
  pageSize: '每页条数',
  paper: '纸张',
  partSize: '分片大小',
  password: '密码',
  path: '路径',
  peopleCount: '来访人数',
  person: '信访人',
  petitionerId: '信访人',
  phone: '联系电话',
  photo: '照片',
  port: '端口',
  prefix: '号码前缀',
  printJobId: '打印任务',
  printer: '打印机',
  priority: '优先原因',
  purpose: '信访目的',
  q: '查询内容',
  reason: '原因',
  reasons: '原因',
  receipt: '登记回执',
  refId: '打印的记录',
  representatives: '代表',
  request: '请求内容',
  resolution: '化解情况',
  retries: '重试次数',
  retryBaseMs: '重试间隔',
  role: '角色',
  roomId: '接谈室',
  route: '打印页面',
  satisfaction: '满意度',
  schedules: '导出时间',
  sealText: '印章文字',
  seesAllQueues: '可查看所有领导的队列',
  sessionId: '接访安排',
  sex: '性别',
  silent: '静默打印',
  simulatorFile: '模拟读卡文件',
  skipLevel: '越级访',
  slot: '约访时段',
  slotMinutes: '每个时段的分钟数',
  start: '开始时间',
  status: '状态',
  statusPath: '状态位置',
  storePhoto: '保存照片',
  summary: '来访事由',
  talkId: '谈话记录',
  template: '打印内容',
  ticket: '排队凭条',
  ticketId: '排队号',
  timeoutMs: '超时',
  timeoutSeconds: '超时秒数',
  to: '结束日期',
  toDeskId: '转往的窗口',
  toLaneId: '转往的队列',
  token: '凭证',
  topics: '议题',
  transport: '连接方式',
  unit: '责任单位',
  url: '地址',
  userId: '用户',
  username: '用户名',
  validFrom: '有效期开始日期',
  validTo: '有效期结束日期',
  validity: '有效期',
  version: '版本',
  via: '送达方式',
  visitId: '来访登记',
  voiceEnabled: '语音播报',
  voiceVolume: '播报音量',
  withinDays: '天数',
  words: '关键词',
  year: '年份',
};

/** Where a key means something else under a particular parent. */
const PARENT_LABELS: Record<string, string> = {
  'representatives.name': '代表姓名',
  'escort.name': '陪访人员姓名',
  'bureau.name': '单位名称',
  'bureau.address': '单位地址',
  'changes.name': '姓名',
};

/** A registration's own `name` is the visitor's 姓名 (other methods' `name` is a 名称). */
const PERSON_METHODS: readonly string[] = ['visits.register', 'visits.correct'];

/** The Chinese name of the field at `path` (of `method`'s input, when known), or null when none is known. */
export function fieldLabel(path: readonly PropertyKey[], method?: string): string | null {
  if (path.length === 0) return '提交的内容';
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys.at(-1);
  const index = typeof path.at(-1) === 'number' ? Number(path.at(-1)) : null;
  if (last === undefined) return index === null ? null : `第${index + 1}项`;
  const parent = keys.at(-2);
  const label =
    (parent !== undefined ? PARENT_LABELS[`${parent}.${last}`] : undefined) ??
    (keys.length === 1 && last === 'name' && method !== undefined && PERSON_METHODS.includes(method) ? '姓名' : LABELS[last]);
  if (label === undefined) return null;
  return index === null ? label : `${label}第${index + 1}项`;
}

const NOUN: Record<string, string> = { string: '文字', number: '数字', int: '整数', boolean: '是或否', array: '列表', object: '表单' };

/**
 * Zod's message for an issue that has none of its own, naming the field and saying what to do.
 * Undefined for a field without a name here: zod's locale text then shows, and the sweep test fails.
 */
export function fallbackMessage(issue: z.core.$ZodRawIssue, method?: string): string | undefined {
  const path = issue.path ?? [];
  const label = fieldLabel(path, method);
  if (label === null) return undefined;
  const root = path.length === 0;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return root ? '提交的内容为空，请重新填写后提交' : `请填写${label}`;
      const noun = NOUN[issue.expected];
      if (root) return '提交的内容格式不正确，请刷新页面后重新填写';
      return noun ? `${label}应为${noun}，请重新填写` : `${label}格式不正确，请重新填写`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${label}不能超过${max}个字，请删减`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}最多${max}项，请删减`;
      return `${label}不能大于${max}，请重新填写`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? `请填写${label}` : `${label}至少${min}个字，请补充`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}至少${min}项，请补充`;
      return `${label}不能小于${min}，请重新填写`;
    }
    case 'invalid_value':
      return `${label}的选项不正确，请重新选择`;
    case 'invalid_format':
      return `${label}格式不正确，请重新填写`;
    case 'not_multiple_of':
      return `${label}数值不正确，请重新填写`;
    case 'unrecognized_keys':
      return `${label}含有无法识别的项（${issue.keys.join('、')}），请刷新页面后重新填写`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return `${label}格式不正确，请重新填写`;
    default:
      return undefined;
  }
}
