import { describe, it, expect } from 'vitest';
import {
  ID_TYPES,
  ID_TYPE_CODES,
  checkIdNumber,
  idTypeLabel,
  maskIdNumber,
  maskName,
  residentCheckChar,
  type IdCheck,
} from '@shared/domain/identity';

/**
 * Independent MOD 11-2 (ISO 7064) implementation for building test data:
 * weight of position i (from the left, 0-based) is 2^(17-i) mod 11, and the
 * check value c satisfies (sum + c) ≡ 1 (mod 11), with 10 written as 'X'.
 */
function withCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return first17 + (c === 10 ? 'X' : String(c));
}

/** Replaces the last character with a different (wrong) check character. */
function withWrongCheck(first17: string): string {
  const right = withCheck(first17).slice(17);
  const wrong = right === '0' ? '1' : '0';
  return first17 + wrong;
}

const TODAY = new Date('2025-06-15T12:00:00+08:00');

function expectOk(r: IdCheck): Extract<IdCheck, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r;
}

function expectFail(r: IdCheck): string {
  if (r.ok) throw new Error(`expected failure, got ok: ${r.normalized}`);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/); // a Chinese message for the clerk
  return r.message;
}

describe('ID types', () => {
  it('lists the six document types with Chinese labels', () => {
    expect(ID_TYPE_CODES).toEqual(['resident', 'hmt_residence', 'hk_macao_permit', 'taiwan_permit', 'passport', 'none']);
    expect(ID_TYPES).toHaveLength(6);
    expect(idTypeLabel('resident')).toBe('居民身份证');
    expect(idTypeLabel('hmt_residence')).toBe('港澳台居民居住证');
    expect(idTypeLabel('passport')).toBe('护照');
    expect(idTypeLabel('none')).toBe('无证件');
  });
});

describe('residentCheckChar (ISO 7064 MOD 11-2)', () => {
  it('matches the GB 11643-1999 examples', () => {
    expect(residentCheckChar('11010519491231002')).toBe('X');
    expect(residentCheckChar('44052418800101001')).toBe('4');
  });

  it('agrees with an independent implementation on many inputs', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const seen = new Set<string>();
    for (let n = 0; n < 500; n++) {
      const first17 = Array.from({ length: 17 }, () => String(rnd() % 10)).join('');
      const c = residentCheckChar(first17);
      seen.add(c);
      expect(first17 + c).toBe(withCheck(first17));
    }
    expect(seen.size).toBe(11); // every check value 0-9 and X occurred
  });
});

describe('checkIdNumber: resident', () => {
  it('accepts the GB 11643 standard example 11010519491231002X and derives details', () => {
    const r = expectOk(checkIdNumber('resident', '11010519491231002X', TODAY));
    expect(r).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      areaCode: '110105',
      provinceName: '北京市',
    });
  });

  it('has a correct check char for 440524188001010014 but refuses a birth year before 1900', () => {
    expect(withCheck('44052418800101001')).toBe('440524188001010014');
    const msg = expectFail(checkIdNumber('resident', '440524188001010014', TODAY));
    expect(msg).toContain('1880年01月01日');
    expect(msg).toContain('1900');
  });

  it('accepts a 1900 birth date (lower bound inclusive)', () => {
    const r = expectOk(checkIdNumber('resident', withCheck('44052419000101001'), TODAY));
    expect(r.birthDate).toBe('1900-01-01');
    expect(r.provinceName).toBe('广东省');
    expect(r.gender).toBe('male');
  });

  it('derives gender from the 17th digit', () => {
    const male = expectOk(checkIdNumber('resident', withCheck('33010619850315123'), TODAY));
    expect(male.gender).toBe('male');
    expect(male.birthDate).toBe('1985-03-15');
    expect(male.areaCode).toBe('330106');
    expect(male.provinceName).toBe('浙江省');
    const female = expectOk(checkIdNumber('resident', withCheck('33010619850315128'), TODAY));
    expect(female.gender).toBe('female');
    const zero = expectOk(checkIdNumber('resident', withCheck('33010619850315120'), TODAY));
    expect(zero.gender).toBe('female');
  });

  it('accepts lower-case x and normalises it to X', () => {
    const r = expectOk(checkIdNumber('resident', '11010519491231002x', TODAY));
    expect(r.normalized).toBe('11010519491231002X');
  });

  it('trims, removes inner spaces and converts full-width characters', () => {
    expect(expectOk(checkIdNumber('resident', '  110105 1949 1231 002X  ', TODAY)).normalized).toBe('11010519491231002X');
    expect(expectOk(checkIdNumber('resident', '１１０１０５１９４９１２３１００２Ｘ', TODAY)).normalized).toBe('11010519491231002X');
    expect(expectOk(checkIdNumber('resident', '１１０１０５１９４９１２３１００２ｘ', TODAY)).normalized).toBe('11010519491231002X');
    expect(expectOk(checkIdNumber('resident', '110105\u30001949\t1231002X', TODAY)).normalized).toBe('11010519491231002X');
  });

  it('refuses a wrong check character without revealing the expected one', () => {
    const msg = expectFail(checkIdNumber('resident', '110105194912310021', TODAY));
    expect(msg).toContain('校验位');
    expect(msg).not.toContain('X');
    expectFail(checkIdNumber('resident', withWrongCheck('32010219900101123'), TODAY));
  });

  it('refuses a typo in the middle (check char no longer matches)', () => {
    // 11010519491231002X with the sequence digit 0 → 1
    expect(expectFail(checkIdNumber('resident', '11010519491231012X', TODAY))).toContain('校验位');
  });

  it('refuses 15-digit old numbers with a specific message', () => {
    expect(expectFail(checkIdNumber('resident', '110105491231002', TODAY))).toBe('15位旧身份证号码已停用，请填写18位居民身份证号码');
  });

  it('reports the length when it is wrong', () => {
    expect(expectFail(checkIdNumber('resident', '11010519491231002', TODAY))).toBe('身份证号码应为18位，当前为17位');
    expect(expectFail(checkIdNumber('resident', '11010519491231002X1', TODAY))).toBe('身份证号码应为18位，当前为19位');
    expect(expectFail(checkIdNumber('resident', '1101051949', TODAY))).toBe('身份证号码应为18位，当前为10位');
    // 15 characters but not all digits: a length problem, not an old ID
    expect(expectFail(checkIdNumber('resident', '11010549123100X', TODAY))).toBe('身份证号码应为18位，当前为15位');
  });

  it('refuses non-digits in the first 17 characters and a bad last character', () => {
    expect(expectFail(checkIdNumber('resident', '1101051949123100XX', TODAY))).toContain('前17位只能是数字');
    expect(expectFail(checkIdNumber('resident', '11010519A91231002X', TODAY))).toContain('前17位只能是数字');
    expect(expectFail(checkIdNumber('resident', '11010519491231002Y', TODAY))).toContain('最后一位');
  });

  it('refuses an empty number', () => {
    expect(expectFail(checkIdNumber('resident', '   ', TODAY))).toContain('请填写');
  });

  it('refuses an unknown province code', () => {
    const msg = expectFail(checkIdNumber('resident', withCheck('99010519800101001'), TODAY));
    expect(msg).toContain('99');
    expectFail(checkIdNumber('resident', withCheck('00010519800101001'), TODAY));
    expectFail(checkIdNumber('resident', withCheck('10010519800101001'), TODAY));
    expectFail(checkIdNumber('resident', withCheck('66010519800101001'), TODAY));
  });

  it('accepts every mainland province code', () => {
    const codes = '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65'.split(' ');
    const names = new Set<string>();
    for (const p of codes) {
      const r = expectOk(checkIdNumber('resident', withCheck(`${p}010219800101001`), TODAY));
      names.add(r.provinceName!);
    }
    expect(names.size).toBe(31);
    expect(names).toContain('新疆维吾尔自治区');
    expect(names).toContain('重庆市');
    expect(names).toContain('内蒙古自治区');
  });

  it('refuses Hong Kong / Macao / Taiwan codes and points to 港澳台居民居住证', () => {
    for (const code of ['810000', '820000', '830000', '710000']) {
      const msg = expectFail(checkIdNumber('resident', withCheck(`${code}19800101001`), TODAY));
      expect(msg).toContain('港澳台居民居住证');
    }
  });

  it('refuses impossible birth dates', () => {
    const cases: Array<[string, string]> = [
      ['20230229', '2023年02月29日'],
      ['19000229', '1900年02月29日'], // century, not a leap year
      ['19801301', '1980年13月01日'],
      ['19800001', '1980年00月01日'],
      ['19800100', '1980年01月00日'],
      ['19800431', '1980年04月31日'],
      ['19800631', '1980年06月31日'],
      ['19800132', '1980年01月32日'],
    ];
    for (const [date, shown] of cases) {
      const msg = expectFail(checkIdNumber('resident', withCheck(`110105${date}001`), TODAY));
      expect(msg).toContain(`出生日期 ${shown} 不存在`);
    }
  });

  it('accepts Feb 29 in leap years', () => {
    expect(expectOk(checkIdNumber('resident', withCheck('11010520000229001'), TODAY)).birthDate).toBe('2000-02-29');
    expect(expectOk(checkIdNumber('resident', withCheck('11010519960229001'), TODAY)).birthDate).toBe('1996-02-29');
    expect(expectOk(checkIdNumber('resident', withCheck('11010519800131001'), TODAY)).birthDate).toBe('1980-01-31');
  });

  it('refuses a birth date after today, accepts today', () => {
    expect(expectFail(checkIdNumber('resident', withCheck('11010520250616001'), TODAY))).toContain('不能晚于今天');
    expect(expectFail(checkIdNumber('resident', withCheck('11010520300101001'), TODAY))).toContain('不能晚于今天');
    expect(expectOk(checkIdNumber('resident', withCheck('11010520250615001'), TODAY)).birthDate).toBe('2025-06-15');
  });

  it("takes 'today' as the hall's date (UTC+8), not UTC", () => {
    // 2025-06-15 17:00 UTC is already 2025-06-16 01:00 in China.
    const lateUtc = new Date('2025-06-15T17:00:00Z');
    expect(expectOk(checkIdNumber('resident', withCheck('11010520250616001'), lateUtc)).birthDate).toBe('2025-06-16');
    expectFail(checkIdNumber('resident', withCheck('11010520250617001'), lateUtc));
  });

  it('defaults today to now', () => {
    expectFail(checkIdNumber('resident', withCheck('11010520990101001')));
    expectOk(checkIdNumber('resident', '11010519491231002X'));
  });
});

describe('checkIdNumber: hmt_residence', () => {
  it('accepts 810000 / 820000 / 830000 numbers with a correct check char', () => {
    const hk = expectOk(checkIdNumber('hmt_residence', withCheck('81000019900101001'), TODAY));
    expect(hk.normalized).toBe(withCheck('81000019900101001'));
    expect(hk.areaCode).toBe('810000');
    expect(hk.birthDate).toBe('1990-01-01');
    expect(hk.gender).toBe('male');
    expect(hk.provinceName).toContain('香港');
    expect(expectOk(checkIdNumber('hmt_residence', withCheck('82000019851111002'), TODAY)).provinceName).toContain('澳门');
    const tw = expectOk(checkIdNumber('hmt_residence', withCheck('83000019700707004'), TODAY));
    expect(tw.provinceName).toContain('台湾');
    expect(tw.gender).toBe('female');
  });

  it('normalises a lower-case x check char', () => {
    // find a sequence whose check char is X
    let first17 = '';
    for (let seq = 0; seq < 1000; seq++) {
      const f = `81000019900101${String(seq).padStart(3, '0')}`;
      if (withCheck(f).endsWith('X')) {
        first17 = f;
        break;
      }
    }
    expect(first17).not.toBe('');
    expect(expectOk(checkIdNumber('hmt_residence', `${first17}x`, TODAY)).normalized).toBe(`${first17}X`);
  });

  it('refuses other area codes, hinting at 居民身份证 for mainland numbers', () => {
    expect(expectFail(checkIdNumber('hmt_residence', '11010519491231002X', TODAY))).toContain('居民身份证');
    expect(expectFail(checkIdNumber('hmt_residence', withCheck('81010019900101001'), TODAY))).toContain('810000');
    expectFail(checkIdNumber('hmt_residence', withCheck('71000019900101001'), TODAY));
  });

  it('applies the check-char and birth-date rules', () => {
    expect(expectFail(checkIdNumber('hmt_residence', withWrongCheck('81000019900101001'), TODAY))).toContain('校验位');
    expect(expectFail(checkIdNumber('hmt_residence', withCheck('81000020230229001'), TODAY))).toContain('不存在');
    expect(expectFail(checkIdNumber('hmt_residence', withCheck('81000020300101001'), TODAY))).toContain('不能晚于今天');
    expect(expectFail(checkIdNumber('hmt_residence', '8100001990010100', TODAY))).toContain('18位');
  });
});

describe('checkIdNumber: permits and passports', () => {
  it('hk_macao_permit: H or M followed by 8 or 10 digits', () => {
    expect(expectOk(checkIdNumber('hk_macao_permit', 'H12345678')).normalized).toBe('H12345678');
    expect(expectOk(checkIdNumber('hk_macao_permit', 'M1234567890')).normalized).toBe('M1234567890');
    expect(expectOk(checkIdNumber('hk_macao_permit', ' h 1234 5678 ')).normalized).toBe('H12345678');
    expect(expectOk(checkIdNumber('hk_macao_permit', 'Ｍ１２３４５６７８')).normalized).toBe('M12345678');
    for (const bad of ['H1234567', 'H123456789', 'H123456789012', 'A12345678', '12345678', 'HM1234567', 'H1234567X']) {
      expect(expectFail(checkIdNumber('hk_macao_permit', bad))).toContain('H 或 M');
    }
  });

  it('taiwan_permit: 8 digits', () => {
    expect(expectOk(checkIdNumber('taiwan_permit', '12345678')).normalized).toBe('12345678');
    expect(expectOk(checkIdNumber('taiwan_permit', '１２３４ ５６７８')).normalized).toBe('12345678');
    for (const bad of ['1234567', '123456789', 'T1234567', '1234567890']) {
      expect(expectFail(checkIdNumber('taiwan_permit', bad))).toContain('8位数字');
    }
  });

  it('passport: 5-17 letters/digits with at least one digit', () => {
    expect(expectOk(checkIdNumber('passport', 'E12345678')).normalized).toBe('E12345678');
    expect(expectOk(checkIdNumber('passport', 'ej1234567')).normalized).toBe('EJ1234567');
    expect(expectOk(checkIdNumber('passport', '12345')).normalized).toBe('12345');
    expect(expectOk(checkIdNumber('passport', 'A1234567890123456')).normalized).toBe('A1234567890123456');
    expect(expectFail(checkIdNumber('passport', 'E123'))).toContain('5至17位');
    expect(expectFail(checkIdNumber('passport', 'A12345678901234567'))).toContain('5至17位');
    expect(expectFail(checkIdNumber('passport', 'ABCDEFG'))).toContain('数字');
    expect(expectFail(checkIdNumber('passport', 'E1234-5678'))).toContain('字母和数字');
    expect(expectFail(checkIdNumber('passport', ''))).toContain('请填写护照号码');
  });

  it('none: the number must be empty', () => {
    expect(checkIdNumber('none', '')).toEqual({ ok: true, normalized: '' });
    expect(checkIdNumber('none', '   ')).toEqual({ ok: true, normalized: '' });
    expectFail(checkIdNumber('none', '11010519491231002X'));
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 of an 18-character number', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110105********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps the first and last character of short values', () => {
    expect(maskIdNumber('H12345678')).toBe('H*******8');
    expect(maskIdNumber('12345678')).toBe('1******8');
    expect(maskIdNumber('AB')).toBe('A*');
    expect(maskIdNumber('A')).toBe('*');
    expect(maskIdNumber('')).toBe('');
  });

  it('never reveals more than it hides for any length', () => {
    for (let n = 3; n <= 20; n++) {
      const masked = maskIdNumber('9'.repeat(n));
      expect(Array.from(masked)).toHaveLength(n);
      const shown = masked.replaceAll('*', '').length;
      expect(shown).toBeLessThanOrEqual(Math.ceil(n * 0.6));
    }
  });
});

describe('maskName', () => {
  it('masks Chinese names for the public display', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('*'); // a one-character name must not appear whole on the public display
    expect(maskName('')).toBe('');
    expect(maskName('  李四  ')).toBe('李*');
  });

  it('is code-point aware and never splits a surrogate pair', () => {
    expect(maskName('𠮷田')).toBe('𠮷*');
    expect(maskName('𠮷田太郎')).toBe('𠮷**郎');
    expect(maskName('张𠮷')).toBe('张*');
    expect(maskName('张𠮷𠮷𠮷')).toBe('张**𠮷');
    expect(maskName('𠮷')).toBe('*');
    for (const name of ['𠮷田', '𠮷田太郎', '张𠮷', '张𠮷𠮷𠮷']) {
      expect(maskName(name)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});
