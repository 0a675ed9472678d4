// Identity documents a petitioner may show at the reception desk, and the
// checks run on their numbers. Pure and dependency-free: used by the backend
// (validation before saving) and by the renderer (messages under the field).
//
// 居民身份证 numbers follow GB 11643-1999 (公民身份号码): 6-digit area code
// (GB/T 2260), 8-digit birth date, 3-digit sequence (odd = male), and an
// ISO 7064 MOD 11-2 check character. 港澳台居民居住证 numbers use the same
// structure with the area codes 810000 / 820000 / 830000.

export const ID_TYPES = [
  { code: 'resident', label: '居民身份证' },
  { code: 'hmt_residence', label: '港澳台居民居住证' },
  { code: 'hk_macao_permit', label: '港澳居民来往内地通行证' },
  { code: 'taiwan_permit', label: '台湾居民来往大陆通行证' },
  { code: 'passport', label: '护照' },
  { code: 'none', label: '无证件' },
] as const;

export type IdType = (typeof ID_TYPES)[number]['code'];

/** The codes as a non-empty tuple, for `z.enum(ID_TYPE_CODES)`. */
export const ID_TYPE_CODES = ID_TYPES.map((t) => t.code) as [IdType, ...IdType[]];

export function idTypeLabel(t: IdType): string {
  return ID_TYPES.find((x) => x.code === t)?.label ?? String(t);
}

export type IdCheck =
  | {
      ok: true;
      normalized: string;
      /** 'YYYY-MM-DD' */
      birthDate?: string;
      gender?: 'male' | 'female';
      /** First six digits (GB/T 2260 area code). */
      areaCode?: string;
      provinceName?: string;
    }
  | { ok: false; message: string };

/** Province-level divisions of the mainland (GB/T 2260), valid on a 居民身份证. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
};

/** Area codes used on 港澳台居民居住证. */
export const HMT_AREA_NAMES: Readonly<Record<string, string>> = {
  '810000': '香港特别行政区',
  '820000': '澳门特别行政区',
  '830000': '台湾地区',
};

/** Province prefixes that never appear on a mainland 居民身份证 (71 台湾, 81 香港, 82 澳门, 83 居住证台湾). */
const HMT_PREFIXES = new Set(['71', '81', '82', '83']);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the first 17 digits of an 18-digit ID number. */
export function residentCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentCheckChar expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Trim, drop all whitespace (incl. the ideographic space), convert full-width
 * ASCII (０-９, Ａ-Ｚ, ａ-ｚ, …) to half-width, and upper-case letters.
 */
export function normalizeIdInput(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u200B\uFEFF]+/g, '')
    .toUpperCase();
}

function fail(message: string): IdCheck {
  return { ok: false, message };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Today's date in the hall (China Standard Time, UTC+8, no DST) as 'YYYY-MM-DD',
 * independent of the machine's own time zone.
 */
function hallToday(today: Date): string {
  return new Date(today.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Checks the YYYYMMDD birth date; returns 'YYYY-MM-DD' or a message. */
function checkBirthDate(yyyymmdd: string, today: Date): { ok: true; date: string } | { ok: false; message: string } {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const shown = `${yyyymmdd.slice(0, 4)}年${yyyymmdd.slice(4, 6)}月${yyyymmdd.slice(6, 8)}日`;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, message: `出生日期 ${shown} 不存在，请核对号码第7至14位` };
  }
  const date = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (date < '1900-01-01') return { ok: false, message: `出生日期 ${shown} 早于1900年，请核对号码` };
  if (date > hallToday(today)) return { ok: false, message: `出生日期不能晚于今天（号码中为 ${shown}），请核对号码` };
  return { ok: true, date };
}

/** Shared structure check for 18-character numbers (居民身份证 and 港澳台居民居住证). */
function checkEighteen(
  v: string,
  what: string,
  today: Date,
  area: (code6: string) => { ok: true; provinceName: string } | { ok: false; message: string },
): IdCheck {
  const len = Array.from(v).length;
  if (len !== 18) return fail(`${what}应为18位，当前为${len}位`);
  if (!/^\d{17}$/.test(v.slice(0, 17))) return fail(`${what}前17位只能是数字，请核对`);
  if (!/^[\dX]$/.test(v.slice(17))) return fail(`${what}最后一位只能是数字或字母 X`);
  const a = area(v.slice(0, 6));
  if (!a.ok) return a;
  const birth = checkBirthDate(v.slice(6, 14), today);
  if (!birth.ok) return fail(birth.message);
  if (residentCheckChar(v.slice(0, 17)) !== v[17]) return fail(`${what}校验位不符，请逐位核对`);
  return {
    ok: true,
    normalized: v,
    birthDate: birth.date,
    gender: Number(v[16]) % 2 === 1 ? 'male' : 'female',
    areaCode: v.slice(0, 6),
    provinceName: a.provinceName,
  };
}

function checkResident(v: string, today: Date): IdCheck {
  if (/^\d{15}$/.test(v)) return fail('15位旧身份证号码已停用，请填写18位居民身份证号码');
  return checkEighteen(v, '身份证号码', today, (code6) => {
    const p = code6.slice(0, 2);
    if (HMT_PREFIXES.has(p)) {
      return { ok: false, message: `以“${p}”开头的号码不是居民身份证，港澳台居民请将证件类型改选“港澳台居民居住证”` };
    }
    const name = PROVINCE_NAMES[p];
    if (!name) return { ok: false, message: `身份证号码前两位“${p}”不是有效的省级地区代码，请核对` };
    return { ok: true, provinceName: name };
  });
}

function checkHmtResidence(v: string, today: Date): IdCheck {
  return checkEighteen(v, '居住证号码', today, (code6) => {
    const name = HMT_AREA_NAMES[code6];
    if (name) return { ok: true, provinceName: name };
    const hint = PROVINCE_NAMES[code6.slice(0, 2)] ? '；内地居民请将证件类型改选“居民身份证”' : '';
    return { ok: false, message: `港澳台居民居住证号码应以 810000、820000 或 830000 开头${hint}` };
  });
}

/**
 * Checks an ID number for the given document type. The input may contain
 * spaces and full-width characters; `normalized` is the cleaned value to store.
 * `today` (default: now) bounds the birth date, taken as the hall's date (UTC+8).
 */
export function checkIdNumber(type: IdType, raw: string, today: Date = new Date()): IdCheck {
  const v = normalizeIdInput(raw);
  if (type === 'none') {
    return v === '' ? { ok: true, normalized: '' } : fail('证件类型为“无证件”时不需要填写证件号码');
  }
  if (v === '') return fail(`请填写${idTypeLabel(type)}号码`);
  switch (type) {
    case 'resident':
      return checkResident(v, today);
    case 'hmt_residence':
      return checkHmtResidence(v, today);
    case 'hk_macao_permit':
      return /^[HM](\d{8}|\d{10})$/.test(v)
        ? { ok: true, normalized: v }
        : fail('港澳居民来往内地通行证号码应为 H 或 M 开头，后接8位或10位数字');
    case 'taiwan_permit':
      return /^\d{8}$/.test(v) ? { ok: true, normalized: v } : fail('台湾居民来往大陆通行证号码应为8位数字');
    case 'passport': {
      if (!/^[A-Z0-9]+$/.test(v)) return fail('护照号码只能包含字母和数字');
      if (v.length < 5 || v.length > 17) return fail(`护照号码应为5至17位，当前为${v.length}位`);
      if (!/\d/.test(v)) return fail('护照号码中应至少有一位数字，请核对');
      return { ok: true, normalized: v };
    }
    default: {
      const never: never = type;
      return fail(`未知的证件类型：${String(never)}`);
    }
  }
}

/**
 * Masks an ID number for display: 18-character (and longer) numbers keep the
 * first 6 and last 4 ('110105********1234'); shorter ones (permits, passports)
 * keep only the first and last character. Code-point aware.
 */
export function maskIdNumber(n: string): string {
  const c = Array.from(n.trim());
  if (c.length === 0) return '';
  if (c.length === 1) return '*';
  if (c.length === 2) return `${c[0]}*`;
  if (c.length >= 18) return c.slice(0, 6).join('') + '*'.repeat(c.length - 10) + c.slice(-4).join('');
  return c[0] + '*'.repeat(c.length - 2) + c[c.length - 1];
}

/**
 * Masks a name for the public hall display: '张三丰' → '张*丰', '张三' → '张*',
 * '欧阳娜娜' → '欧**娜'; a single character is shown as is. Code-point aware,
 * so characters outside the BMP ('𠮷') are never split.
 */
export function maskName(name: string): string {
  const c = Array.from(name.trim());
  // A one-character name shown as-is would be the whole name on the public display.
  if (c.length <= 1) return c.length === 0 ? '' : '*';
  if (c.length === 2) return `${c[0]}*`;
  return c[0] + '*'.repeat(c.length - 2) + c[c.length - 1];
}
