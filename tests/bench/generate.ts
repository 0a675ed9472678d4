// Synthetic district data for the performance benchmark: ten years of walk-in
// registrations (2016-11 .. 2026-11) in one SQLite file, created through the
// real migrations and then filled with raw prepared statements for speed.
// Deterministic from the seed: the same seed and size give the same rows.
import { rmSync } from 'node:fs';
import { openRaw, openStore } from '../../electron/backend/db/connection';
import { formatVisitNo } from '../../electron/backend/services/visits';
import { hashPassword } from '../../electron/backend/services/passwords';
import { nameInitials } from '../../electron/backend/services/pinyin';
import { CATEGORIES, PURPOSES, type CategoryCode, type PurposeCode } from '@shared/domain/categories';
import { checkIdNumber, residentCheckChar, type IdType } from '@shared/domain/identity';
import { checkPhone } from '@shared/domain/phone';
import { polyphonic } from 'pinyin-pro';
import type BetterSqlite3 from 'better-sqlite3';
import { addDays, calendarPeriodEnd, LIMITS, type HolidayCalendar } from '@shared/domain/deadlines';
import { nextDue, registeredFacts, type Decision, type MatterFacts, type MatterState } from '@shared/domain/matter';
import { formatTicketNo } from '@shared/domain/queue';

/** Password of every account the generator creates (admin, clerks, leader). */
export const BENCH_PASSWORD = 'Bench2026pass';
export const BENCH_ADMIN = 'admin';
/** Hall dates covered by the generated visits (weekdays only). Fixed, so the data does not depend on the run date. */
export const GEN_FIRST_DAY = '2016-11-01';
export const GEN_LAST_DAY = '2026-11-23';

export interface GenerateOptions {
  /** Matters left open (with a clock running), the most recent ones; default 50,000 (at most 30% of the matters). */
  openMatters?: number;
  dbFile: string;
  visits: number;
  seed?: number;
  onProgress?: (done: number) => void;
}

export interface GenerateResult {
  petitioners: number;
  matters: number;
  visits: number;
  ms: number;
}

// ---- seeded randomness ---------------------------------------------------------

/** mulberry32: small, fast, good enough for test data. */
export function mulberry32(seed: number): { u32(): number; next(): number } {
  let a = seed >>> 0;
  const u32 = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return { u32, next: () => u32() / 4294967296 };
}

type Rng = ReturnType<typeof mulberry32>;

const int = (r: Rng, n: number) => Math.floor(r.next() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

/** Picks from [value, weight] pairs. */
function weighted<T>(pairs: readonly (readonly [T, number])[]): (r: Rng) => T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of pairs) cum.push((acc += w / total));
  return (r) => {
    const u = r.next();
    for (let i = 0; i < cum.length; i++) if (u < cum[i]!) return pairs[i]![0];
    return pairs[pairs.length - 1]![0];
  };
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** A UUIDv7 for an instant, random part from the seeded generator (same layout as services/ids.ts). */
function uuidv7At(r: Rng, ms: number): string {
  const ts = ms.toString(16).padStart(12, '0');
  const a = hex8(r.u32());
  const b = hex8(r.u32());
  const c = hex8(r.u32());
  const variant = (8 | (r.u32() & 3)).toString(16);
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${a.slice(0, 3)}-${variant}${a.slice(3, 6)}-${b}${c.slice(0, 4)}`;
}

// ---- reference data ------------------------------------------------------------

/** Common surnames with rough frequencies (per mille), incl. polyphonic 单/曾/解 and double surnames. */
const SURNAMES = weighted<string>([
  ['王', 72],
  ['李', 72],
  ['张', 70],
  ['刘', 54],
  ['陈', 46],
  ['杨', 31],
  ['赵', 23],
  ['黄', 22],
  ['周', 21],
  ['吴', 20],
  ['徐', 17],
  ['孙', 16],
  ['胡', 13],
  ['朱', 13],
  ['高', 13],
  ['林', 12],
  ['何', 12],
  ['郭', 12],
  ['马', 12],
  ['罗', 10],
  ['梁', 9],
  ['宋', 9],
  ['郑', 9],
  ['谢', 8],
  ['韩', 8],
  ['唐', 8],
  ['冯', 8],
  ['于', 7],
  ['董', 7],
  ['萧', 2],
  ['程', 7],
  ['曹', 7],
  ['袁', 6],
  ['邓', 6],
  ['许', 6],
  ['傅', 6],
  ['沈', 6],
  ['曾', 6],
  ['彭', 6],
  ['吕', 5],
  ['苏', 5],
  ['卢', 5],
  ['蒋', 5],
  ['蔡', 5],
  ['贾', 5],
  ['丁', 5],
  ['魏', 5],
  ['薛', 4],
  ['叶', 4],
  ['阎', 4],
  ['余', 4],
  ['潘', 4],
  ['杜', 4],
  ['戴', 4],
  ['夏', 4],
  ['钟', 4],
  ['汪', 4],
  ['田', 4],
  ['任', 4],
  ['姜', 4],
  ['范', 4],
  ['方', 4],
  ['石', 4],
  ['姚', 4],
  ['谭', 3],
  ['廖', 3],
  ['邹', 3],
  ['熊', 3],
  ['金', 3],
  ['陆', 3],
  ['郝', 3],
  ['孔', 3],
  ['白', 3],
  ['崔', 3],
  ['康', 3],
  ['毛', 3],
  ['邱', 3],
  ['秦', 3],
  ['江', 3],
  ['史', 3],
  ['顾', 3],
  ['侯', 3],
  ['邵', 3],
  ['孟', 3],
  ['龙', 3],
  ['万', 3],
  ['段', 3],
  ['雷', 3],
  ['钱', 3],
  ['汤', 3],
  ['尹', 2],
  ['黎', 2],
  ['易', 2],
  ['常', 2],
  ['武', 2],
  ['乔', 2],
  ['贺', 2],
  ['赖', 2],
  ['龚', 2],
  ['文', 2],
  ['单', 2],
  ['解', 1],
  ['欧阳', 1],
  ['司马', 1],
  ['上官', 0.3],
  ['诸葛', 0.3],
]);

const GIVEN_MALE =
  '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林国建志文海东峰成新春生永德庆福宝金玉山荣兵亮光云松彬晨阳博然轩泽睿昊毅诚振洪卫胜武忠民祥利富贵安义清良红喜树江河立海岩秋';
const GIVEN_FEMALE =
  '芳娜秀英敏静丽艳娟霞燕玲桂兰萍红梅琳雪莉婷慧丹玉凤洁琴云颖倩薇欣悦佳怡雅晶露美淑珍华月春小晓彩素翠荣杏桃菊琼媛蕾岚秋香';

/** Given-name characters whose every reading has the same initial: their initial never depends on context. */
function stableChars(chars: string): string[] {
  return [...new Set([...chars])].filter((c) => {
    const readings = polyphonic(c, { pattern: 'first', toneType: 'none', type: 'array' })[0] ?? [];
    return readings.length > 0 && new Set(readings.map((x) => x.toLowerCase())).size === 1;
  });
}

/** GB/T 2260 county-level codes. The hall is in 朝阳区 (110105): most people are local. */
const AREA_CODES = weighted<string>([
  ['110105', 55],
  ...[
    '110101',
    '110102',
    '110106',
    '110107',
    '110108',
    '110109',
    '110111',
    '110112',
    '110113',
    '110114',
    '110115',
    '110116',
    '110117',
    '110118',
    '110119',
  ].map((c) => [c, 1.7] as const),
  ...[
    '120101',
    '120102',
    '130102',
    '130104',
    '140105',
    '210102',
    '310101',
    '310104',
    '310105',
    '310106',
    '310115',
    '320102',
    '330106',
    '370102',
    '410105',
    '420106',
    '440303',
    '440304',
    '440305',
    '440306',
    '510104',
    '610113',
  ].map((c) => [c, 0.9] as const),
]);

const STREETS = [
  '朝外街道',
  '建外街道',
  '呼家楼街道',
  '三里屯街道',
  '左家庄街道',
  '香河园街道',
  '和平街街道',
  '安贞街道',
  '亚运村街道',
  '小关街道',
  '酒仙桥街道',
  '麦子店街道',
  '团结湖街道',
  '六里屯街道',
  '八里庄街道',
  '双井街道',
  '劲松街道',
  '潘家园街道',
  '垡头街道',
  '望京街道',
  '大屯街道',
  '奥运村街道',
  '南磨房地区',
  '高碑店地区',
  '将台地区',
  '太阳宫地区',
  '小红门地区',
  '十八里店地区',
  '平房地区',
  '东风地区',
  '来广营地区',
  '常营地区',
  '三间房地区',
  '管庄地区',
  '金盏地区',
  '孙河地区',
  '崔各庄地区',
  '东坝地区',
  '黑庄户地区',
  '豆各庄地区',
] as const;

const COMMUNITIES = [
  '和平里',
  '安华里',
  '惠新东街',
  '红庙北里',
  '金台里',
  '延静里',
  '光华里',
  '团结湖北里',
  '农光里',
  '劲松二区',
  '华威西里',
  '潘家园南里',
  '望京西园',
  '花家地北里',
  '利泽西园',
  '芍药居北里',
  '东湖湾',
  '远洋天地',
  '富力城',
  '双花园',
  '百子湾家园',
  '松榆里',
  '北苑家园',
  '天通苑',
  '常营福第',
  '管庄西里',
  '金盏嘉园',
  '黑庄户小区',
  '十八里店北里',
  '小红门西里',
] as const;

/** ~45 realistic 诉求摘要, each with its content category. */
const SUMMARIES: readonly (readonly [CategoryCode, string])[] = [
  ['urban_construction', '小区加装电梯补贴未落实'],
  ['urban_construction', '老旧小区改造施工扰民，夜间施工噪音大'],
  ['urban_construction', '房屋征收补偿标准过低，要求重新评估'],
  ['urban_construction', '商品房逾期交房，开发商拒不支付违约金'],
  ['urban_construction', '物业服务差，物业费收支不公开'],
  ['urban_construction', '违法建设长期未拆除，影响通行和采光'],
  ['urban_construction', '回迁安置房迟迟未交付'],
  ['urban_construction', '冬季供暖温度不达标，多次反映未解决'],
  ['urban_construction', '小区停车位被物业出租给外来车辆'],
  ['land_resources', '宅基地确权登记纠纷'],
  ['land_resources', '集体土地被占用未获补偿'],
  ['land_resources', '购房多年仍未办理不动产权证书'],
  ['agriculture', '土地承包经营权流转费用被拖欠'],
  ['agriculture', '村集体经济组织分红分配不公'],
  ['labour_social_security', '用人单位拖欠工资，要求支付'],
  ['labour_social_security', '建筑工地拖欠农民工工资'],
  ['labour_social_security', '对工伤认定结论有异议'],
  ['labour_social_security', '养老保险缴费年限认定有误'],
  ['labour_social_security', '被单位违法解除劳动合同，要求赔偿'],
  ['labour_social_security', '退休待遇核定偏低'],
  ['health', '对医疗纠纷处理结果不满'],
  ['health', '医保报销比例有异议'],
  ['education', '子女入学学区划片有异议'],
  ['education', '校外培训机构拒不退费'],
  ['civil_affairs', '申请最低生活保障被驳回，要求重新审核'],
  ['civil_affairs', '残疾人两项补贴未按时发放'],
  ['civil_affairs', '养老机构服务质量差'],
  ['public_security', '报案后长期未立案'],
  ['public_security', '户口迁移办理受阻'],
  ['public_security', '邻里纠纷，认为派出所处理不公'],
  ['politics_law', '对法院民事判决不服，要求再审'],
  ['politics_law', '判决生效后长期未执行到位'],
  ['environment', '楼下餐饮油烟扰民'],
  ['environment', '工厂排放异味，影响居民健康'],
  ['environment', '小区垃圾清运不及时'],
  ['transport', '公交线路调整后出行不便'],
  ['transport', '道路施工长期占道，影响通行'],
  ['commerce_market', '预付卡商家关门，要求退款'],
  ['commerce_market', '购买商品存在质量问题，商家拒绝退换'],
  ['economic_management', '非法集资投资款无法追回'],
  ['veterans', '退役军人安置待遇未落实'],
  ['discipline', '反映社区干部违规使用集体资金'],
  ['organisation_personnel', '对职称评审结果有异议'],
  ['culture_tourism', '广场舞噪音扰民'],
  ['other', '咨询信访事项办理进度'],
];

const DEMANDS = [
  '要求有关部门依法依规处理并书面答复。',
  '要求尽快解决，给予合理补偿。',
  '要求相关单位说明情况并限期整改。',
  '要求落实相关政策，保障合法权益。',
  '要求追究相关责任人责任。',
  '要求重新调查核实，公开处理结果。',
  '希望政府出面协调解决。',
  '',
] as const;

const CATEGORY_CODES = new Set<string>(CATEGORIES.map((c) => c.code));
const PURPOSE_OF = weighted<PurposeCode>([
  ['request', 45],
  ['complaint', 20],
  ['report', 8],
  ['suggestion', 5],
  ['consultation', 12],
  ['appeal', 8],
  ['other', 2],
]);
for (const [c] of SUMMARIES) if (!CATEGORY_CODES.has(c)) throw new Error(`unknown category ${c}`);
const PURPOSE_CODES = new Set<string>(PURPOSES.map((p) => p.code));
for (let i = 0, r = mulberry32(1); i < 100; i++) if (!PURPOSE_CODES.has(PURPOSE_OF(r))) throw new Error('unknown purpose');

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
] as const;

interface GenUser {
  username: string;
  displayName: string;
  role: 'clerk' | 'leader' | 'admin';
  /** Hall dates during which a clerk registered visits. */
  from?: string;
  to?: string;
}

/** The accounts the generator creates; every one has BENCH_PASSWORD. */
export const GENERATOR_USERS: readonly GenUser[] = [
  { username: BENCH_ADMIN, displayName: '系统管理员', role: 'admin' },
  { username: 'clerk1', displayName: '王晓燕', role: 'clerk', from: '2016-11-01', to: '2021-06-30' },
  { username: 'clerk2', displayName: '刘建华', role: 'clerk', from: '2016-11-01', to: '2099-12-31' },
  { username: 'clerk3', displayName: '陈静', role: 'clerk', from: '2019-03-01', to: '2099-12-31' },
  { username: 'clerk4', displayName: '赵磊', role: 'clerk', from: '2021-07-01', to: '2099-12-31' },
  { username: 'leader1', displayName: '孙国庆', role: 'leader' },
];

// ---- calendar --------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** 08:30 Asia/Shanghai = 00:30 UTC; the hall closes 17:30 (09:30 UTC), lunch 12:00-13:30. */
const OPEN_OFFSET_MS = 30 * 60_000;
const MORNING_MS = 3.5 * 3_600_000;
const AFTERNOON_START_MS = 5 * 3_600_000;
const AFTERNOON_MS = 4 * 3_600_000;

function hallDays(): { iso: string[]; utcMidnight: number[] } {
  const iso: string[] = [];
  const utcMidnight: number[] = [];
  for (let t = Date.parse(`${GEN_FIRST_DAY}T00:00:00Z`); t <= Date.parse(`${GEN_LAST_DAY}T00:00:00Z`); t += DAY_MS) {
    const wd = new Date(t).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    iso.push(new Date(t).toISOString().slice(0, 10));
    utcMidnight.push(t);
  }
  return { iso, utcMidnight };
}

// ---- people ---------------------------------------------------------------------

/** 56% come once, a long tail comes dozens of times (mean ≈ 2.5 visits per person). */
function sampleVisitCount(r: Rng): number {
  const u = r.next();
  if (u < 0.56) return 1;
  if (u < 0.74) return 2;
  if (u < 0.84) return 3;
  if (u < 0.9) return 4;
  return 5 + Math.min(75, Math.floor(4 * (Math.pow(1 - r.next(), -1 / 1.5) - 1)));
}

const ID_TYPE_OF = weighted<IdType>([
  ['resident', 94.5],
  ['none', 5],
  ['hk_macao_permit', 0.3],
  ['passport', 0.2],
]);

class NameMaker {
  private readonly male = stableChars(GIVEN_MALE);
  private readonly female = stableChars(GIVEN_FEMALE);
  private readonly charInitial = new Map<string, string>();
  /** Initials of surname + first given character, so compound surnames (单于…) and surname readings come out right. */
  private readonly headInitials = new Map<string, string>();

  make(r: Rng, gender: 'male' | 'female'): { name: string; initials: string } {
    const surname = SURNAMES(r);
    const pool = gender === 'male' ? this.male : this.female;
    const c1 = pick(r, pool);
    const c2 = r.next() < 0.7 ? pick(r, pool) : '';
    const head = surname + c1;
    let hi = this.headInitials.get(head);
    if (hi === undefined) this.headInitials.set(head, (hi = nameInitials(head)));
    let tail = '';
    if (c2) {
      tail = this.charInitial.get(c2) ?? '';
      if (!tail) this.charInitial.set(c2, (tail = nameInitials(c2)));
    }
    return { name: head + c2, initials: hi + tail };
  }
}

function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

class IdMaker {
  private readonly used = new Set<string>();
  /** A valid, unused 18-digit resident ID for someone of this age at `atMs`. */
  resident(r: Rng, atMs: number, gender: 'male' | 'female', unique = true): { number: string; birthDate: string } {
    for (;;) {
      const age = 18 + Math.floor((65 * (r.next() + r.next() + r.next())) / 3);
      const birthMs = atMs - age * 365.25 * DAY_MS - int(r, 365) * DAY_MS;
      const birth = ymd(birthMs);
      const seq = int(r, 500) * 2 + (gender === 'male' ? 1 : 0);
      const body = `${AREA_CODES(r)}${birth}${String(seq).padStart(3, '0')}`;
      if (unique) {
        if (this.used.has(body)) continue;
        this.used.add(body);
      }
      return { number: body + residentCheckChar(body), birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}` };
    }
  }
  permit(r: Rng, prefix: string): string {
    for (;;) {
      const n = `${prefix}${String(r.u32() % 100_000_000).padStart(8, '0')}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
}

class PhoneMaker {
  private readonly used = new Set<string>();
  private readonly shareable: string[] = [];
  private fresh(r: Rng, make: () => string): string {
    for (;;) {
      const p = make();
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
  }
  mobile(r: Rng): string {
    return this.fresh(r, () => pick(r, MOBILE_PREFIXES) + String(r.u32() % 100_000_000).padStart(8, '0'));
  }
  /** ~3% share a number with one other person (family members), 8% landline, 2% none. */
  forPerson(r: Rng): string {
    const u = r.next();
    if (u < 0.02) return '';
    if (u < 0.05 && this.shareable.length > 0) {
      // each shared number is used by exactly two people
      const i = int(r, this.shareable.length);
      const p = this.shareable[i]!;
      this.shareable[i] = this.shareable[this.shareable.length - 1]!;
      this.shareable.pop();
      return p;
    }
    const p = u < 0.13 ? this.fresh(r, () => `010-6${String(r.u32() % 10_000_000).padStart(7, '0')}`) : this.mobile(r);
    if (this.shareable.length < 50_000) this.shareable.push(p);
    return p;
  }
}

// ---- the generator ----------------------------------------------------------------

export async function generateDistrict(opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const V = opts.visits;
  if (!Number.isInteger(V) || V < 1 || V > 1_000_000) throw new Error('visits must be an integer between 1 and 1,000,000');
  const r = mulberry32(opts.seed ?? 20161101);

  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(opts.dbFile + suffix, { force: true });
  // The schema comes from the real migrations.
  const store = await openStore(opts.dbFile);
  await store.close();

  const { iso: dayIso, utcMidnight } = hallDays();
  const nDays = dayIso.length;

  // Which clerks were on duty on each day.
  const clerks = GENERATOR_USERS.filter((u) => u.role === 'clerk');
  const userIds = GENERATOR_USERS.map((u, i) => uuidv7At(r, Date.parse('2016-10-20T01:00:00Z') + i * 60_000));
  const clerkIdsByDay: string[][] = dayIso.map((d) =>
    clerks.filter((c) => c.from! <= d && d <= c.to!).map((c) => userIds[GENERATOR_USERS.indexOf(c)]!),
  );

  // 1. People, their visit days and matters (in memory, typed arrays where it counts).
  const vPerson = new Uint32Array(V);
  const vDay = new Uint16Array(V);
  const vMs = new Uint32Array(V);
  const vMatter = new Uint32Array(V);
  const vFirst = new Uint8Array(V);
  const mPerson: number[] = [];
  const mSummary: number[] = [];
  const mStreet: number[] = [];
  const mPurpose: PurposeCode[] = [];

  const names = new NameMaker();
  const idMaker = new IdMaker();
  const phones = new PhoneMaker();
  const pName: string[] = [];
  const pInitials: string[] = [];
  const pIdType: IdType[] = [];
  const pIdNumber: string[] = [];
  const pGender: ('male' | 'female' | null)[] = [];
  const pBirth: (string | null)[] = [];
  const pPhone: string[] = [];
  const pAddress: string[] = [];

  const days: number[] = [];
  let assigned = 0;
  while (assigned < V) {
    const p = pName.length;
    const k = Math.min(sampleVisitCount(r), V - assigned);

    // visit days: the frequent visitors come more often
    days.length = 0;
    const meanGap = Math.min(120, Math.max(3, 400 / k));
    let span = 0;
    const gaps: number[] = [];
    for (let j = 1; j < k; j++) {
      const g = 1 + Math.floor(-meanGap * Math.log(1 - r.next()));
      gaps.push(g);
      span += g;
    }
    if (span > nDays - 1) {
      const f = (nDays - 1 - k) / span;
      span = 0;
      for (let j = 0; j < gaps.length; j++) span += gaps[j] = 1 + Math.floor(gaps[j]! * f);
    }
    let day = int(r, nDays - span);
    days.push(day);
    for (const g of gaps) days.push((day += g));

    // the person, as of their first visit
    const firstMs = utcMidnight[days[0]!]!;
    const gender = r.next() < 0.55 ? 'male' : 'female';
    const { name, initials } = names.make(r, gender);
    const idType = ID_TYPE_OF(r);
    let idNumber = '';
    let birth: string | null = null;
    if (idType === 'resident') {
      const id = idMaker.resident(r, firstMs, gender);
      idNumber = id.number;
      birth = id.birthDate;
    } else if (idType === 'hk_macao_permit') idNumber = idMaker.permit(r, r.next() < 0.7 ? 'H' : 'M');
    else if (idType === 'passport') idNumber = idMaker.permit(r, 'E');
    pName.push(name);
    pInitials.push(initials);
    pIdType.push(idType);
    pIdNumber.push(idNumber);
    pGender.push(idType === 'resident' ? gender : null);
    pBirth.push(birth);
    pPhone.push(phones.forPerson(r));
    pAddress.push(
      r.next() < 0.9
        ? `北京市朝阳区${pick(r, STREETS)}${pick(r, COMMUNITIES)}${1 + int(r, 30)}号楼${1 + int(r, 6)}单元${1 + int(r, 18)}0${1 + int(r, 4)}`
        : '',
    );

    // matters: 1-3 per person, opened at chosen visits; the others follow up one of them
    const m = k === 1 ? 1 : Math.min(k, r.next() < 0.65 ? 1 : r.next() < 0.72 ? 2 : 3);
    const opens = new Set<number>([0]);
    while (opens.size < m) opens.add(1 + int(r, k - 1));
    const open: number[] = [];
    for (let j = 0; j < k; j++) {
      const v = assigned + j;
      vPerson[v] = p;
      vDay[v] = days[j]!;
      vMs[v] = r.next() < 0.6 ? int(r, MORNING_MS) : AFTERNOON_START_MS + int(r, AFTERNOON_MS);
      if (opens.has(j)) {
        open.push(mPerson.length);
        vMatter[v] = mPerson.length;
        vFirst[v] = 1;
        mPerson.push(p);
        mSummary.push(int(r, SUMMARIES.length));
        mStreet.push(int(r, STREETS.length));
        mPurpose.push(PURPOSE_OF(r));
      } else {
        vMatter[v] = r.next() < 0.7 ? open[open.length - 1]! : pick(r, open);
      }
    }
    assigned += k;
  }
  const P = pName.length;
  const M = mPerson.length;

  // Self-checks on a sample: cached initials equal the project's, IDs and phones pass the project's checks.
  const step = Math.max(1, Math.floor(P / 2000));
  for (let p = 0; p < P; p += step) {
    if (nameInitials(pName[p]!) !== pInitials[p])
      throw new Error(`initials cache wrong for ${pName[p]}: ${pInitials[p]} ≠ ${nameInitials(pName[p]!)}`);
    if (pIdType[p] !== 'none') {
      const c = checkIdNumber(pIdType[p]!, pIdNumber[p]!);
      if (!c.ok || c.normalized !== pIdNumber[p])
        throw new Error(`generated invalid ID ${pIdNumber[p]}: ${c.ok ? 'not normalised' : c.message}`);
    }
    if (pPhone[p]) {
      const c = checkPhone(pPhone[p]!);
      if (!c.ok || c.normalized !== pPhone[p]) throw new Error(`generated invalid phone ${pPhone[p]}`);
    }
  }

  // 2. Chronological order: bucket by day, then by time of day.
  const perDay = new Uint32Array(nDays + 1);
  for (let v = 0; v < V; v++) perDay[vDay[v]! + 1]!++;
  for (let d = 0; d < nDays; d++) perDay[d + 1]! += perDay[d]!;
  const order = new Uint32Array(V);
  const fill = perDay.slice(0, nDays);
  for (let v = 0; v < V; v++) order[fill[vDay[v]!]!++] = v;
  for (let d = 0; d < nDays; d++) {
    const slice = Array.from(order.subarray(perDay[d]!, perDay[d + 1]!)).sort((a, b) => vMs[a]! - vMs[b]! || a - b);
    order.set(slice, perDay[d]!);
  }

  // 3. Write, in the order the hall would have: person and matter at their first visit.
  const raw = openRaw(opts.dbFile);
  try {
    raw.pragma('synchronous = OFF');
    raw.pragma('cache_size = -262144'); // 256 MiB while loading
    raw.pragma('foreign_keys = OFF'); // consistent by construction; checked on small sizes below

    const insertUser = raw.prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, disabled, must_change_password, failed_attempts, locked_until, last_login_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 0, 0, 0, NULL, NULL, ?, ?)`,
    );
    const insertPetitioner = raw.prepare(
      `INSERT INTO petitioners (id, id_type, id_number, name, name_initials, gender, birth_date, phone, address, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    const insertMatter = raw.prepare(
      `INSERT INTO matters (id, petitioner_id, category, location_area, summary, first_visit_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertVisit = raw.prepare(
      `INSERT INTO visits (id, visit_no, visit_date, petitioner_id, matter_id, kind, name, id_type, id_number, phone, address, people_count,
         purpose, category, location_area, summary, demands, escort_json, skip_level, outcome, registered_by, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 1)`,
    );
    const insertRep = raw.prepare(
      `INSERT INTO visit_representatives (visit_id, position, name, id_type, id_number, phone) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertCounter = raw.prepare(`INSERT INTO daily_counters (scope, day, last_value) VALUES ('visit', ?, ?)`);
    const tickets = hallTickets(raw, opts.seed ?? 20161101);

    raw.exec('BEGIN');
    const userAt = '2016-10-20T01:00:00.000Z';
    for (const [i, u] of GENERATOR_USERS.entries()) {
      insertUser.run(userIds[i]!, u.username, u.displayName, u.role, await hashPassword(BENCH_PASSWORD), userAt, userAt);
    }

    const pId: string[] = new Array<string>(P);
    const mId: string[] = new Array<string>(M);
    const mDay = new Uint16Array(M);
    const mClerk: string[] = new Array<string>(M);
    const mChrono = new Uint32Array(M);
    let mSeen = 0;
    const mVisits = new Uint16Array(M);
    let rows = 0;
    let done = 0;
    for (let d = 0; d < nDays; d++) {
      const dayStr = dayIso[d]!;
      const base = utcMidnight[d]! + OPEN_OFFSET_MS;
      const onDuty = clerkIdsByDay[d]!;
      let seq = 0;
      for (let i = perDay[d]!; i < perDay[d + 1]!; i++) {
        const v = order[i]!;
        const p = vPerson[v]!;
        const mi = vMatter[v]!;
        const atMs = base + vMs[v]!;
        const at = new Date(atMs).toISOString();
        const visitId = uuidv7At(r, atMs);
        let clerk: string;
        if (pId[p] === undefined) {
          pId[p] = uuidv7At(r, atMs);
          insertPetitioner.run(
            pId[p],
            pIdType[p],
            pIdNumber[p],
            pName[p],
            pInitials[p],
            pGender[p],
            pBirth[p],
            pPhone[p],
            pAddress[p],
            at,
            at,
          );
          rows++;
        }
        const [category, summary] = SUMMARIES[mSummary[mi]!]!;
        if (vFirst[v]) {
          mId[mi] = uuidv7At(r, atMs);
          insertMatter.run(mId[mi], pId[p], category, STREETS[mStreet[mi]!], summary, visitId, at);
          mDay[mi] = d;
          mChrono[mSeen++] = mi;
          rows++;
        }
        const nth = ++mVisits[mi]!;
        const u = r.next();
        const group = u < 0.02;
        const people = group ? 5 + int(r, 26) : u < 0.08 ? 2 + int(r, 3) : 1;
        const escort =
          r.next() < 0.01
            ? JSON.stringify({ name: names.make(r, 'male').name, unit: `朝阳区${pick(r, STREETS)}办事处`, phone: phones.mobile(r) })
            : null;
        insertVisit.run(
          visitId,
          formatVisitNo(dayStr, ++seq),
          dayStr,
          pId[p],
          mId[mi],
          vFirst[v] ? 'first' : 'repeat',
          pName[p],
          pIdType[p],
          pIdNumber[p],
          pPhone[p],
          pAddress[p],
          people,
          vFirst[v] ? mPurpose[mi] : r.next() < 0.8 ? mPurpose[mi] : PURPOSE_OF(r),
          category,
          STREETS[mStreet[mi]!],
          vFirst[v] || r.next() < 0.6 ? summary : `第${nth}次来访，再次反映${summary}`,
          pick(r, DEMANDS),
          escort,
          r.next() < 0.03 ? 1 : 0,
          (clerk = pick(r, onDuty)),
          at,
          at,
        );
        if (vFirst[v]) mClerk[mi] = clerk;
        rows++;
        rows += tickets.visit(dayStr, atMs, visitId, pName[p]!, people, clerk);
        if (group) {
          const reps = Math.min(5, 1 + int(r, 5));
          insertRep.run(visitId, 1, pName[p], pIdType[p], pIdNumber[p], pPhone[p]);
          for (let pos = 2; pos <= reps; pos++) {
            const g = r.next() < 0.5 ? 'male' : 'female';
            insertRep.run(visitId, pos, names.make(r, g).name, 'resident', idMaker.resident(r, atMs, g, false).number, phones.mobile(r));
          }
          rows += reps;
        }
        done++;
        if (rows >= 20_000) {
          raw.exec('COMMIT');
          opts.onProgress?.(done);
          raw.exec('BEGIN');
          rows = 0;
        }
      }
      if (seq > 0) {
        insertCounter.run(dayStr, seq);
        rows++;
        rows += tickets.endOfDay(dayStr, base, onDuty);
      }
    }
    raw.exec('COMMIT');
    opts.onProgress?.(done);

    lifeOfMatters(raw, r, {
      mId,
      mDay,
      mClerk,
      mChrono,
      dayIso,
      leaderId: userIds[GENERATOR_USERS.findIndex((u) => u.role === 'leader')]!,
      openMatters: opts.openMatters ?? 50_000,
      seed: opts.seed ?? 20161101,
    });

    if (V <= 100_000) {
      const broken = raw.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`generated data breaks ${broken.length} foreign keys`);
    }
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
  } finally {
    raw.close();
  }
  return { petitioners: P, matters: M, visits: V, ms: Math.round(performance.now() - started) };
}

// ---- the life of each matter (0010) -------------------------------------------------

const UNITS = [
  '区住房和城乡建设委员会',
  '区人力资源和社会保障局',
  '区民政局',
  '区城市管理委员会',
  '区市场监督管理局',
  '区教育委员会',
  '区卫生健康委员会',
  '区生态环境局',
  '区规划和自然资源分局',
  '区公安分局',
  '和平街道办事处',
  '朝外街道办事处',
] as const;
const EVALUATION_OF = weighted([
  ['satisfied', 70],
  ['basic', 15],
  ['unsatisfied', 5],
  ['none', 10],
] as const);
const OPEN_STATE_OF = weighted([
  ['forwarded', 15],
  ['handling', 60],
  ['review', 15],
  ['recheck', 10],
] as const);
const CLOSED_STATE_OF = weighted([
  ['final', 45],
  ['concluded', 30],
  ['declined', 8],
  ['guided', 7],
  ['forwarded', 7],
  ['not_again', 3],
] as const);
const min = (a: string, b: string) => (a < b ? a : b);

/**
 * States, dates and timeline events for every matter, as the hall would have
 * written them: the oldest concluded or ended (with evaluations), some
 * declined, forwarded or guided; the most recent `openMatters` still open
 * (registered, forwarded, handling, in review or recheck), their earliest
 * clock kept in next_due by the rule module itself, past and future alike.
 * Some open ones are taken on by the leader (包案) or supervised (督办).
 */
function lifeOfMatters(
  raw: BetterSqlite3.Database,
  r: Rng,
  g: {
    mId: string[];
    mDay: Uint16Array;
    mClerk: string[];
    mChrono: Uint32Array;
    dayIso: string[];
    leaderId: string;
    openMatters: number;
    seed: number;
  },
): void {
  const M = g.mId.length;
  // Evaluations after a review request, 包案 of closed matters: their own stream, so the other rows stay as they were.
  const rx = mulberry32(g.seed ^ 0x6576_616c);
  const days = raw.prepare(`SELECT date, kind FROM calendar_days`).all() as { date: string; kind: string }[];
  const cal: HolidayCalendar = {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
  const today = GEN_LAST_DAY;
  const openFrom = M - Math.min(g.openMatters, Math.floor(M * 0.3));
  const update = raw.prepare(`
    UPDATE matters SET state = @state, received_on = @received_on, received_by = @received_by, received_organ = '朝阳区信访局',
      decision = @decision, unit = @unit, decline_ground = @decline_ground, legal_route = @legal_route, decided_on = @decided_on,
      accepted_on = @accepted_on, handle_due = @handle_due, extension_days = @extension_days, extension_reason = @extension_reason,
      extended_on = @extended_on, replied_on = @replied_on, opinion_on = @opinion_on, concluded_on = @concluded_on,
      review_requested_on = @review_requested_on, review_decided_on = @review_decided_on, recheck_requested_on = @recheck_requested_on,
      recheck_decided_on = @recheck_decided_on, final_on = @final_on, evaluation = @evaluation, evaluation_via = @evaluation_via,
      evaluated_on = @evaluated_on, lead_leader_id = @lead_leader_id, lead_on = @lead_on, resolution = @resolution, supervise_due = @supervise_due,
      supervision_count = @supervision_count, next_due = @next_due, next_clock = @next_clock, updated_at = @updated_at, version = @version
    WHERE id = @id`);
  const insertEvent = raw.prepare(
    `INSERT INTO matter_events (id, matter_id, version, at, on_date, actor_id, action, from_state, to_state, unit, reason, data_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
  );

  raw.exec('BEGIN');
  let rows = 0;
  for (let c = 0; c < M; c++) {
    const mi = g.mChrono[c]!;
    const id = g.mId[mi]!;
    const received = g.dayIso[g.mDay[mi]!]!;
    const open = c >= openFrom;
    const clerk = g.mClerk[mi]!;
    const later = (from: string, lo: number, hi: number) => min(addDays(from, lo + int(r, hi - lo + 1)), today);
    let state: MatterState = open
      ? received > addDays(today, -10) && r.next() < 0.4
        ? 'registered'
        : OPEN_STATE_OF(r)
      : CLOSED_STATE_OF(r);
    const f: MatterFacts = { ...registeredFacts(received), state };
    const events: [string, string, string, MatterState, Record<string, unknown>][] = []; // on, action, actor, to, data
    const extra = new Set<unknown>();
    const x = {
      unit: '',
      decline_ground: null as string | null,
      legal_route: null as string | null,
      extension_reason: '',
      extended_on: null as string | null,
      evaluation: null as string | null,
      evaluation_via: null as string | null,
      evaluated_on: null as string | null,
      lead_leader_id: null as string | null,
      lead_on: null as string | null,
      resolution: null as 'resolved' | 'unresolved' | null,
      supervise_due: null as string | null,
      supervision_count: 0,
    };
    if (state !== 'registered') {
      const decidedOn = later(received, 0, 5);
      const answered = state === 'concluded' && r.next() < 0.4;
      const decision: Decision = answered
        ? 'answered'
        : state === 'declined' || state === 'guided' || state === 'not_again' || state === 'forwarded'
          ? state
          : r.next() < 0.3
            ? 'assigned'
            : 'accepted';
      f.decision = decision;
      f.decidedOn = decidedOn;
      if (decision !== 'answered' && (decidedOn < addDays(today, -15) || r.next() < 0.5)) f.repliedOn = later(decidedOn, 1, 14);
      if (decision !== 'declined' && decision !== 'guided' && decision !== 'not_again') x.unit = pick(r, UNITS);
      if (decision === 'declined') x.decline_ground = 'not_petition';
      if (decision === 'guided') x.legal_route = r.next() < 0.7 ? 'court' : 'labour_arbitration';
      const to: MatterState =
        decision === 'answered' ? 'concluded' : decision === 'accepted' || decision === 'assigned' ? 'handling' : decision;
      events.push([decidedOn, 'decide', clerk, to, { decision }]);
      if (answered) f.concludedOn = decidedOn;
      if (decision === 'accepted' || decision === 'assigned') {
        f.acceptedOn = decidedOn;
        f.handleDue = calendarPeriodEnd(decidedOn, decision === 'assigned' ? 30 : LIMITS.handleDays, cal);
        if (r.next() < 0.1) {
          const on = later(decidedOn, 20, 50);
          if (on <= f.handleDue) {
            f.extensionDays = 10 + int(r, 21);
            f.handleDue = calendarPeriodEnd(f.handleDue, f.extensionDays, cal);
            x.extension_reason = '涉及多个部门，需要协调';
            x.extended_on = on;
            events.push([on, 'extend', clerk, 'handling', { days: f.extensionDays, approver: '孙国庆' }]);
          }
        }
        // Further along the road, as far as the dates allow (else it stays where the dates end).
        const steps: [MatterState, () => void][] = [
          ['concluded', () => (f.opinionOn = f.concludedOn = later(decidedOn, 20, 75))],
          ['review', () => (f.reviewRequestedOn = later(f.opinionOn!, 5, 28))],
          ['reviewed', () => (f.reviewDecidedOn = later(f.reviewRequestedOn!, 10, 30))],
          ['recheck', () => (f.recheckRequestedOn = later(f.reviewDecidedOn!, 5, 28))],
          ['final', () => (f.recheckDecidedOn = f.finalOn = later(f.recheckRequestedOn!, 10, 30))],
        ];
        const target = state === 'handling' ? 0 : steps.findIndex(([s]) => s === state) + 1;
        const actions = ['conclude', 'request_review', 'decide_review', 'request_recheck', 'decide_recheck'];
        let reached: MatterState = 'handling';
        // A final matter mostly ends by lapse after the 处理意见书 (no review asked).
        const lapse = state === 'final' && r.next() < 0.8;
        for (let i = 0; i < (lapse ? 1 : target); i++) {
          steps[i]![1]();
          reached = steps[i]![0];
          const on = [f.concludedOn, f.reviewRequestedOn, f.reviewDecidedOn, f.recheckRequestedOn, f.recheckDecidedOn][i]!;
          events.push([on, actions[i]!, i === 2 || i === 4 ? g.leaderId : clerk, reached, {}]);
        }
        if (lapse) {
          f.finalOn = min(addDays(f.opinionOn!, 31 + int(r, 10)), today);
          if (f.finalOn > addDays(f.opinionOn!, 30)) {
            reached = 'final';
            events.push([f.finalOn, 'terminate', g.leaderId, 'final', {}]);
          } else f.finalOn = null;
        }
        state = f.state = reached;
      }
      if ((state === 'concluded' || state === 'final' || state === 'reviewed') && f.concludedOn) {
        x.evaluation = EVALUATION_OF(r);
        x.evaluation_via = r.next() < 0.5 ? 'phone' : 'in_person';
        x.evaluated_on = later(f.concludedOn, 0, 10);
        if (x.evaluation !== 'none') events.push([x.evaluated_on, 'evaluate', clerk, state, { evaluation: x.evaluation }]);
      } else if (f.concludedOn && (state === 'review' || state === 'recheck') && rx.next() < 0.8) {
        // Evaluated after the 处理意见书, before asking for a review (most do).
        x.evaluation = EVALUATION_OF(rx);
        x.evaluation_via = rx.next() < 0.5 ? 'phone' : 'in_person';
        x.evaluated_on = min(addDays(f.concludedOn, int(rx, 11)), today);
        if (x.evaluation !== 'none')
          extra.add(events[events.push([x.evaluated_on, 'evaluate', clerk, 'concluded', { evaluation: x.evaluation }]) - 1]);
      }
      if (open && (state === 'forwarded' || state === 'handling') && r.next() < 0.05) {
        x.supervision_count = 1 + int(r, 3);
        x.supervise_due = later(decidedOn, 10, 40);
      }
    }
    if (open && state !== 'final' && r.next() < 0.03) {
      x.lead_leader_id = f.leadLeaderId = g.leaderId;
      x.lead_on = later(received, 0, 10);
      if (rx.next() < 0.3) x.resolution = 'unresolved';
    } else if (!open && state !== 'registered' && rx.next() < 0.03) {
      // 包案 of a matter since closed: the leader's 化解情况 recorded (mostly 已化解).
      x.lead_leader_id = f.leadLeaderId = g.leaderId;
      x.lead_on = min(addDays(received, int(rx, 11)), today);
      x.resolution = rx.next() < 0.8 ? 'resolved' : 'unresolved';
    }
    if (x.lead_on) extra.add(events[events.push([x.lead_on, 'lead', g.leaderId, state, {}]) - 1]);
    if (x.resolution)
      extra.add(
        events[
          events.push([min(addDays(x.lead_on!, 20 + int(rx, 40)), today), 'resolve', g.leaderId, state, { resolution: x.resolution }]) - 1
        ],
      );
    const next = nextDue(f, today, cal);
    const lastOn = events.reduce((a, e) => (e[0] > a ? e[0] : a), received);
    let from: MatterState = 'registered';
    events.sort((a, b) => a[0].localeCompare(b[0]));
    for (const [i, e] of events.entries()) {
      const [on, action, actor, , data] = e;
      // 包案 and 化解情况 leave the state as it is; the added rows take their ids from their own stream.
      const to: MatterState = action === 'lead' || action === 'resolve' ? from : e[3];
      insertEvent.run(
        uuidv7At(extra.has(e) ? rx : r, Date.parse(`${on}T02:00:00Z`)),
        id,
        i + 2,
        `${on}T02:00:00.000Z`,
        on,
        actor,
        action,
        from,
        to,
        x.unit,
        JSON.stringify(data),
      );
      from = to;
    }
    update.run({
      id,
      state,
      received_on: received,
      received_by: clerk,
      decision: f.decision,
      unit: x.unit,
      decline_ground: x.decline_ground,
      legal_route: x.legal_route,
      decided_on: f.decidedOn,
      accepted_on: f.acceptedOn,
      handle_due: f.handleDue,
      extension_days: f.extensionDays,
      extension_reason: x.extension_reason,
      extended_on: x.extended_on,
      replied_on: f.repliedOn,
      opinion_on: f.opinionOn,
      concluded_on: f.concludedOn,
      review_requested_on: f.reviewRequestedOn,
      review_decided_on: f.reviewDecidedOn,
      recheck_requested_on: f.recheckRequestedOn,
      recheck_decided_on: f.recheckDecidedOn,
      final_on: f.finalOn,
      evaluation: x.evaluation,
      evaluation_via: x.evaluation_via,
      evaluated_on: x.evaluated_on,
      lead_leader_id: x.lead_leader_id,
      lead_on: x.lead_on,
      resolution: x.resolution,
      supervise_due: x.supervise_due,
      supervision_count: x.supervision_count,
      next_due: next?.due ?? null,
      next_clock: next?.clock ?? null,
      updated_at: `${lastOn}T02:00:00.000Z`,
      version: events.length + 1,
    });
    rows += events.length + 1;
    if (rows >= 50_000) {
      raw.exec('COMMIT');
      raw.exec('BEGIN');
      rows = 0;
    }
  }
  // next_due is set above by the rule module: nothing for the backend to recompute at start.
  raw.prepare(`DELETE FROM settings WHERE key = 'matters.recomputeDue'`).run();
  raw.exec('COMMIT');
}

// ---- the queue's tickets (0002) -----------------------------------------------------

const SEEDED_LANES = {
  A: '0193a000-0000-7000-8000-00000000000a',
  B: '0193a000-0000-7000-8000-00000000000b',
  F: '0193a000-0000-7000-8000-00000000000e',
};
const SEEDED_DESKS = [1, 2, 3].map((n) => `0193a000-0000-7000-8000-0000000001${n}0`);

/**
 * A ticket for every visit, as the hall's desks would have left it: issued,
 * waited (2–60 min), called once or twice at a desk, registration during
 * service, finished (3–25 min after). Besides, a few people a day took a
 * ticket and were not there when called (过号, 1–3 calls). Own seeded stream,
 * so the visits and matters stay the rows they were before tickets existed.
 */
function hallTickets(raw: BetterSqlite3.Database, seed: number) {
  const r = mulberry32(seed ^ 0x7163_6b74);
  const insertTicket = raw.prepare(
    `INSERT INTO tickets (id, day, lane_id, number, ticket_no, status, priority, appointment_at, visit_id, visitor_name, desk_id, issued_at,
       queued_at, called_at, call_count, finished_at, carried_from, issued_by, version, room_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 1, NULL)`,
  );
  const insertCall = raw.prepare(`INSERT INTO ticket_calls (id, ticket_id, desk_id, at, recall, actor_id) VALUES (?, ?, ?, ?, ?, ?)`);
  const numbers = new Map<string, number>();
  const PRIORITY = weighted<string | null>([
    [null, 920],
    ['elderly', 60],
    ['disabled', 12],
    ['pregnant', 4],
    ['military', 4],
  ]);
  const iso = (ms: number) => new Date(ms).toISOString();
  const ticket = (
    day: string,
    lane: 'A' | 'B' | 'F',
    issuedMs: number,
    callsMs: number[],
    finishedMs: number | null,
    visitId: string | null,
    name: string,
    clerk: string,
  ): number => {
    const n = (numbers.get(lane) ?? 0) + 1;
    numbers.set(lane, n);
    const id = uuidv7At(r, issuedMs);
    const desk = pick(r, SEEDED_DESKS);
    const last = callsMs[callsMs.length - 1]!;
    insertTicket.run(
      id,
      day,
      SEEDED_LANES[lane],
      n,
      formatTicketNo(lane, n),
      visitId ? 'done' : 'no_show',
      PRIORITY(r),
      visitId,
      name,
      desk,
      iso(issuedMs),
      iso(issuedMs),
      iso(last),
      callsMs.length,
      finishedMs == null ? null : iso(finishedMs),
      clerk,
    );
    for (const [i, at] of callsMs.entries()) insertCall.run(uuidv7At(r, at), id, desk, iso(at), i > 0 ? 1 : 0, clerk);
    return 1 + callsMs.length;
  };
  const waitMs = () => (2 + Math.floor(58 * r.next() * r.next())) * 60_000 + int(r, 60_000);
  return {
    /** The ticket behind one registered visit (registered `atMs`). */
    visit(day: string, atMs: number, visitId: string, name: string, people: number, clerk: string): number {
      const called = atMs - (1 + int(r, 6)) * 60_000;
      const calls = r.next() < 0.1 ? [called - (2 + int(r, 4)) * 60_000, called] : [called];
      const lane = people >= 5 ? 'B' : r.next() < 0.06 ? 'F' : 'A';
      return ticket(day, lane, calls[0]! - waitMs(), calls, atMs + (3 + int(r, 23)) * 60_000, visitId, name, clerk);
    },
    /** The day's 过号 tickets (about 4 in 100 visits), then a new day's numbers. */
    endOfDay(day: string, openMs: number, clerks: string[]): number {
      let rows = 0;
      const count = Math.round(((numbers.get('A') ?? 0) + (numbers.get('B') ?? 0)) * 0.04 * 2 * r.next());
      for (let i = 0; i < count; i++) {
        const issued = openMs + int(r, 7 * 3_600_000);
        const first = issued + waitMs();
        const calls = Array.from({ length: 1 + int(r, 3) }, (_, k) => first + k * 3 * 60_000);
        rows += ticket(day, 'A', issued, calls, null, null, '', pick(r, clerks));
      }
      numbers.clear();
      return rows;
    },
  };
}
