import { describe, it, expect } from 'vitest';
import { checkPhone, maskPhone, type PhoneCheck } from '@shared/domain/phone';

function ok(raw: string): Extract<PhoneCheck, { ok: true }> {
  const r = checkPhone(raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted, got: ${r.message}`);
  return r;
}

function bad(raw: string): string {
  const r = checkPhone(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got: ${r.normalized}`);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  return r.message;
}

describe('checkPhone: mobiles', () => {
  it('accepts 11-digit mobiles starting 13-19', () => {
    for (const n of ['13812345678', '14712345678', '15012345678', '16612345678', '17712345678', '18912345678', '19912345678']) {
      expect(ok(n)).toEqual({ ok: true, kind: 'mobile', normalized: n });
    }
  });

  it('strips spaces, hyphens, parentheses and converts full-width digits', () => {
    expect(ok(' 138 1234 5678 ').normalized).toBe('13812345678');
    expect(ok('138-1234-5678').normalized).toBe('13812345678');
    expect(ok('(138)12345678').normalized).toBe('13812345678');
    expect(ok('１３８１２３４５６７８').normalized).toBe('13812345678');
    expect(ok('１３８－１２３４－５６７８').normalized).toBe('13812345678');
    expect(ok('138\u30001234\u30005678').normalized).toBe('13812345678');
  });

  it('accepts +86 / 0086 / 86 prefixes and drops them', () => {
    for (const raw of [
      '+8613812345678',
      '+86 138 1234 5678',
      '+86-13812345678',
      '(+86)13812345678',
      '008613812345678',
      '0086 138 1234 5678',
      '8613812345678',
      '86 13812345678',
      '＋８６１３８１２３４５６７８',
    ]) {
      expect(ok(raw)).toEqual({ ok: true, kind: 'mobile', normalized: '13812345678' });
    }
  });

  it('refuses wrong lengths and second digits', () => {
    expect(bad('1381234567')).toContain('手机号码应为11位，以1开头');
    expect(bad('1381234567')).toContain('当前为10位');
    expect(bad('138123456789')).toContain('当前为12位');
    expect(bad('12812345678')).toContain('第二位');
    expect(bad('10012345678')).toContain('第二位');
    expect(bad('+861381234567')).toContain('11位');
  });

  it('refuses an extension on a mobile', () => {
    expect(bad('13812345678转123')).toContain('分机');
  });
});

describe('checkPhone: landlines', () => {
  it('normalises to AREA-LOCAL with 3-digit area codes 010 and 02X', () => {
    expect(ok('010-12345678')).toEqual({ ok: true, kind: 'landline', normalized: '010-12345678' });
    expect(ok('01012345678').normalized).toBe('010-12345678');
    expect(ok('(010)12345678').normalized).toBe('010-12345678');
    expect(ok('（010）1234 5678').normalized).toBe('010-12345678');
    expect(ok('021 6123 4567').normalized).toBe('021-61234567');
    expect(ok('02912345678').normalized).toBe('029-12345678');
    expect(ok('020-8123456').normalized).toBe('020-8123456');
  });

  it('uses 4-digit area codes elsewhere', () => {
    expect(ok('0571-87654321').normalized).toBe('0571-87654321');
    expect(ok('057187654321').normalized).toBe('0571-87654321');
    expect(ok('0755 8765 4321').normalized).toBe('0755-87654321');
    expect(ok('0931-8123456').normalized).toBe('0931-8123456');
    expect(ok('０５７１－８７６５４３２１').normalized).toBe('0571-87654321');
  });

  it('treats a local number written in two groups as one', () => {
    expect(ok('010-1234-5678').normalized).toBe('010-12345678');
    expect(ok('0571-8765-4321').normalized).toBe('0571-87654321');
  });

  it('accepts extensions written with 转, 分机, ext or a third hyphen group', () => {
    expect(ok('010-12345678转123').normalized).toBe('010-12345678-123');
    expect(ok('010-12345678 转 123').normalized).toBe('010-12345678-123');
    expect(ok('0571-87654321分机8').normalized).toBe('0571-87654321-8');
    expect(ok('0571-87654321 ext 1234').normalized).toBe('0571-87654321-1234');
    expect(ok('0571-87654321 EXT.123456').normalized).toBe('0571-87654321-123456');
    expect(ok('010-12345678-123').normalized).toBe('010-12345678-123');
    expect(ok('0571-8765432-12').normalized).toBe('0571-8765432-12');
    expect(ok('010-12345678-123').kind).toBe('landline');
  });

  it('refuses bad extensions', () => {
    expect(bad('010-12345678转1234567')).toContain('分机号');
    expect(bad('010-12345678转')).toContain('分机号');
    expect(bad('010-12345678转abc')).toContain('分机号');
    expect(bad('010-12345678-1234567')).toContain('分机号');
  });

  it('accepts the international form of a landline', () => {
    expect(ok('+86 10 12345678').normalized).toBe('010-12345678');
    expect(ok('+86-571-87654321').normalized).toBe('0571-87654321');
    expect(ok('+86 0571 87654321').normalized).toBe('0571-87654321');
  });

  it('asks for the area code when only a local number is given', () => {
    expect(bad('62345678')).toBe('座机请加区号，如 010-12345678');
    expect(bad('8123456')).toBe('座机请加区号，如 010-12345678');
    expect(bad('8765-4321')).toBe('座机请加区号，如 010-12345678');
  });

  it('refuses malformed landlines', () => {
    expect(bad('010-123456')).toContain('7或8位');
    expect(bad('010-123456789')).toContain('7或8位');
    expect(bad('0571-0123456')).toContain('不能以0开头');
    expect(bad('0123-87654321')).toContain('区号');
    expect(bad('011-87654321')).toContain('区号');
    expect(bad('05-7187654321')).toContain('区号');
  });
});

describe('checkPhone: other input', () => {
  it('refuses empty input and letters', () => {
    expect(bad('')).toBe('请填写联系电话');
    expect(bad('   ')).toBe('请填写联系电话');
    expect(bad('138abcd5678')).toContain('只能包含数字');
    expect(bad('138.1234.5678')).toContain('只能包含数字');
  });

  it('refuses numbers that are neither mobile nor landline', () => {
    expect(bad('4008123456')).toContain('格式不正确');
    expect(bad('110')).toContain('手机号码应为11位');
    expect(bad('95588')).toContain('格式不正确');
    expect(bad('+86')).toContain('请填写');
  });
});

describe('maskPhone', () => {
  it('masks mobiles as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('masks the local part of landlines and drops the extension', () => {
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('0571-8765432')).toBe('0571-***5432');
    expect(maskPhone('010-12345678转123')).toBe('010-****5678');
  });

  it('masks unparseable values too, never showing them whole', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('4008123456')).toBe('******3456');
  });
});
