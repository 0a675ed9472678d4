// Contact phone numbers: mainland mobiles and landlines with area code.
// Pure and dependency-free: shared by the backend and the renderer.
//
// Normalised forms (what is stored and searched):
//   mobile    13812345678            (no +86 prefix, no separators)
//   landline  010-12345678           AREA-LOCAL
//             0571-87654321-123      AREA-LOCAL-EXT when an extension was given

export type PhoneCheck = { ok: true; normalized: string; kind: 'mobile' | 'landline' } | { ok: false; message: string };

const MOBILE = /^1[3-9]\d{9}$/;

function fail(message: string): PhoneCheck {
  return { ok: false, message };
}

/** Full-width ASCII → half-width, dash variants → '-', whitespace removed. */
function clean(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\u30FC\uFE63]/g, '-')
    .replace(/[\s\u3000\u200B\uFEFF]+/g, '');
}

/** 3-digit area codes are 010 and 020-029; all others are 4 digits (0xxx with x ≥ 3). */
function areaLength(digits: string): 3 | 4 {
  return /^0(10|2\d)/.test(digits) ? 3 : 4;
}

function checkLandline(tokens: string[], ext: string | null): PhoneCheck {
  let parts = [...tokens];
  // '010-1234-5678': a local number written in two groups, not an extension.
  if (parts.length === 3 && parts[1]!.length < 7 && /^\d{7,8}$/.test(parts[1]! + parts[2]!)) {
    parts = [parts[0]!, parts[1]! + parts[2]!];
  }
  if (ext === null && parts.length >= 3) ext = parts.pop()!;
  if (parts.length > 2) return fail('座机号码格式不正确，应为“区号-号码”，如 010-12345678');
  const digits = parts.join('');
  const aLen = areaLength(digits);
  const area = digits.slice(0, aLen);
  const local = digits.slice(aLen);
  if (aLen === 4 && !/^0[3-9]\d{2}$/.test(area)) return fail(`区号“${area}”不正确，请核对`);
  if (parts.length === 2 && parts[0] !== area) return fail(`区号“${parts[0]}”不正确，请核对`);
  if (!/^\d{7,8}$/.test(local)) return fail(`座机号码（区号后）应为7或8位数字，当前为${local.length}位`);
  if (local.startsWith('0')) return fail('座机号码（区号后）不能以0开头，请核对');
  if (ext !== null && !/^\d{1,6}$/.test(ext)) return fail('分机号应为1至6位数字');
  return { ok: true, kind: 'landline', normalized: `${area}-${local}${ext ? `-${ext}` : ''}` };
}

/**
 * Checks and normalises a phone number. Accepts spaces, hyphens, parentheses,
 * full-width digits, a +86 / 0086 / 86 prefix, and for landlines an extension
 * written as '转123', '分机123', 'ext123' or a third '-123' group.
 */
export function checkPhone(raw: string): PhoneCheck {
  let s = clean(raw);
  if (s === '') return fail('请填写联系电话');

  // Extension marker: 转 / 分机 / ext / ext.
  let ext: string | null = null;
  const m = /^(.*?)-?(?:转|分机|EXT\.?)(.*)$/i.exec(s);
  if (m) {
    s = m[1]!;
    ext = m[2]!.replace(/^[-:：.]+/, '');
    if (!/^\d{1,6}$/.test(ext)) return fail('分机号应为1至6位数字');
  }

  // International prefix: +86, 0086, (+86), +86-
  let prefixed = false;
  const p = /^\(?(?:\+|00)86\)?-?/.exec(s);
  if (p) {
    prefixed = true;
    s = s.slice(p[0].length);
  }

  if (s === '') return fail('请填写电话号码');
  if (!/^[\d\-()]+$/.test(s)) return fail('电话号码只能包含数字、空格、连字符或括号');
  const tokens = s.split(/[-()]+/).filter((t) => t !== '');
  let digits = tokens.join('');
  if (digits === '') return fail('请填写电话号码');

  // Bare '86' prefix before a mobile number.
  if (!prefixed && /^861[3-9]\d{9}$/.test(digits)) {
    digits = digits.slice(2);
    prefixed = true;
  }

  // '+86 10 12345678' / '+86 571 87654321': the international form drops the trunk 0.
  if (prefixed && !MOBILE.test(digits) && !digits.startsWith('0') && (digits.startsWith('10') || !digits.startsWith('1'))) {
    tokens[0] = `0${tokens[0]}`;
    digits = `0${digits}`;
  }

  if (digits.startsWith('1')) {
    if (ext !== null) return fail('手机号码不能带分机号');
    if (digits.length !== 11) return fail(`手机号码应为11位，以1开头，当前为${digits.length}位`);
    if (!MOBILE.test(digits)) return fail('手机号码第二位应为3至9，请核对');
    return { ok: true, kind: 'mobile', normalized: digits };
  }
  if (digits.startsWith('0')) return checkLandline(tokens, ext);
  if (/^\d{7,8}$/.test(digits)) return fail('座机请加区号，如 010-12345678');
  return fail('电话号码格式不正确：手机号码为11位，座机请写区号，如 010-12345678');
}

/**
 * Masks a phone number for display: '13812345678' → '138****5678',
 * '0571-87654321' → '0571-****4321' (extension dropped). Anything that does
 * not parse keeps only its last 4 characters (last 2 when short).
 */
export function maskPhone(p: string): string {
  const r = checkPhone(p);
  if (r.ok) {
    const n = r.normalized;
    if (r.kind === 'mobile') return `${n.slice(0, 3)}****${n.slice(7)}`;
    const [area, local] = n.split('-') as [string, string];
    return `${area}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
  }
  const c = Array.from(p.trim());
  if (c.length === 0) return '';
  const keep = c.length >= 8 ? 4 : c.length > 2 ? 2 : 0;
  return '*'.repeat(c.length - keep) + c.slice(c.length - keep).join('');
}
