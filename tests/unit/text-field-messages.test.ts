// A text field's messages say what to do: an empty 单位名称 asks to be filled in, a one-character
// one says how long it must be (the first run showed "单位名称至少2个字" for an empty field).
import { describe, expect, it } from 'vitest';
import { bureauInput } from '@shared/api/schemas/printing';

const messages = (name: string) => {
  const r = bureauInput.safeParse({ name, address: '某某路1号', phone: '', sealText: '某某区信访局' });
  return r.success ? [] : r.error.issues.filter((i) => i.path[0] === 'name').map((i) => i.message);
};

describe('text field messages', () => {
  it('an empty field is asked for, not measured', () => {
    expect(messages('')).toEqual(['请填写单位名称']);
    expect(messages('   ')).toEqual(['请填写单位名称']);
  });
  it('a too-short field says its least length', () => {
    expect(messages('局')).toEqual(['单位名称至少2个字']);
  });
  it('a name of the right length passes', () => {
    expect(messages('某某区信访局')).toEqual([]);
  });
});
