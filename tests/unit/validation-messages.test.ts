// Every validation message a person can reach names the field in Chinese and says what to do
// (issue 13): a sweep over every method's input schema in the contract with malformed values
// (wrong types, over-long text, lists for forms, missing fields, extra nesting), parsed as the
// dispatcher parses them. zod's own locale text is replaced by a marker here, so any message that
// falls back to it ("无效输入：期望 object，实际接收 数组") fails by name. The same sweep checks that
// every free-text field refuses half a surrogate pair and NUL, and a registration through the
// dispatcher shows the messages a clerk sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { z } from '@shared/api/zod-setup';
import { contract, type MethodName } from '@shared/api/contract';
import { fallbackMessage, fieldLabel } from '@shared/api/field-labels';

const GENERIC = '⟪zod 默认提示⟫';

beforeAll(() => {
  z.config({ localeError: () => GENERIC });
});
afterAll(() => {
  z.config(zhCN());
});

/** zod's zh-CN locale text, should the marker above ever not take. */
const LOCALE_TEXT = /^(无效|数值过[大小]|字符串|期望|未知|意外)|：期望/;

type Schema = z.core.$ZodType;
type Path = (string | number)[];

const defOf = (s: Schema) => s._zod.def as unknown as Record<string, unknown> & { type: string };

/** A value of roughly the right shape (not necessarily valid), to mutate one place at a time. */
function sample(s: Schema, depth = 0): unknown {
  if (depth > 10) return undefined;
  const d = defOf(s);
  switch (d.type) {
    case 'object':
      return Object.fromEntries(Object.entries(d.shape as Record<string, Schema>).map(([k, v]) => [k, sample(v, depth + 1)]));
    case 'string':
      return (d as { format?: string }).format === 'uuid' ? '0193a000-0000-7000-8000-00000000000a' : '一';
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)[0];
    case 'literal':
      return (d.values as unknown[])[0];
    case 'array':
      return [sample(d.element as Schema, depth + 1)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sample(d.innerType as Schema, depth + 1);
    case 'pipe':
      return sample(d.in as Schema, depth + 1);
    case 'union':
      return sample((d.options as Schema[])[0]!, depth + 1);
    case 'intersection': {
      const l = sample(d.left as Schema, depth + 1);
      const r = sample(d.right as Schema, depth + 1);
      return typeof l === 'object' && typeof r === 'object' ? { ...l, ...r } : l;
    }
    case 'lazy':
      return sample((d.getter as () => Schema)(), depth + 1);
    default:
      return undefined;
  }
}

/** Every place in the value a person's input could sit, with whether a string goes there. */
function places(value: unknown, path: Path = []): { path: Path; isText: boolean }[] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => [{ path: [...path, i], isText: typeof v === 'string' }, ...places(v, [...path, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [{ path: [...path, k], isText: typeof v === 'string' }, ...places(v, [...path, k])]);
  return [];
}

function setAt(value: unknown, path: Path, to: unknown): unknown {
  if (path.length === 0) return to;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  if (to === undefined && rest.length === 0 && !Array.isArray(copy)) delete copy[head];
  else copy[head] = setAt(copy[head], rest, to);
  return copy;
}

const MALFORMED: [string, (v: unknown) => unknown][] = [
  ['missing', () => undefined],
  ['null', () => null],
  ['number', () => 12345],
  ['text', () => '文字'],
  ['boolean', () => true],
  ['list', () => []],
  ['form', () => ({})],
  ['nested', (v) => ({ value: { value: [v] } })],
  ['wrapped in a list', (v) => [v]],
  ['over-long text', () => '字'.repeat(20_000)],
  ['long list', (v) => Array.from({ length: 2_000 }, () => v)],
  ['negative', () => -1],
  ['fraction', () => 1.5],
  ['huge number', () => 1e12],
];

const ROOT_MALFORMED: unknown[] = [[], ['a'], '文字', 42, true, { unknownField: 1 }];

interface Seen {
  method: MethodName;
  path: string;
  message: string;
  leaf: string;
}

function issuesOf(method: MethodName, input: unknown): Seen[] {
  const r = contract[method].input.safeParse(input, { error: (issue) => fallbackMessage(issue, method) });
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    method,
    path: i.path.join('.') || '_',
    message: i.message,
    leaf: String(i.path.filter((p) => typeof p === 'string').at(-1) ?? '_'),
  }));
}

const methods = Object.keys(contract) as MethodName[];
const CJK = /[\u4e00-\u9fff]/;
const ENGLISH = /\b(string|number|object|array|boolean|undefined|null|NaN|expected|received|invalid|input)\b/i;

describe('validation messages of every method', () => {
  const all: Seen[] = [];
  for (const method of methods) {
    const base = sample(contract[method].input);
    for (const raw of ROOT_MALFORMED) all.push(...issuesOf(method, raw));
    for (const { path } of places(base)) {
      const current = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base);
      for (const [, make] of MALFORMED) all.push(...issuesOf(method, setAt(base, path, make(current))));
    }
  }

  it('reaches many messages (the sweep really runs)', () => {
    expect(new Set(all.map((s) => s.method)).size).toBeGreaterThan(methods.length / 2);
    expect(all.length).toBeGreaterThan(2_000);
  });

  it('never falls back to zod’s generic text, and every message is Chinese without type names', () => {
    const bad = all.filter((s) => s.message === GENERIC || LOCALE_TEXT.test(s.message) || !CJK.test(s.message) || ENGLISH.test(s.message));
    const report = [...new Set(bad.map((s) => `${s.method} ${s.path}: ${s.message}`))];
    expect(report).toEqual([]);
  });

  it('names the field: no message is shared by fields of different names', () => {
    // A message seen at fields of different Chinese names (e.g. a bare "编号格式不正确") names
    // neither; one name containing the other (密码 at 新密码) is the same field's name.
    const labels = new Map<string, Set<string>>();
    for (const s of all) {
      if (s.path === '_') continue;
      if (!labels.has(s.message)) labels.set(s.message, new Set());
      labels.get(s.message)!.add(
        fieldLabel(
          s.path.split('.').filter((p) => !/^\d+$/.test(p)),
          s.method,
        ) ?? s.leaf,
      );
    }
    const shared = [...labels]
      .filter(([, l]) => [...l].some((a) => [...l].some((b) => !a.includes(b) && !b.includes(a))))
      .map(([m, l]) => `${m} ← ${[...l].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('refuses half a surrogate pair and NUL in every text field, at that field', () => {
    const missed: string[] = [];
    for (const method of methods) {
      const base = sample(contract[method].input);
      for (const { path, isText } of places(base)) {
        if (!isText) continue;
        for (const broken of ['张\uD800三', '甲\u0000乙']) {
          const key = path.join('.');
          if (!issuesOf(method, setAt(base, path, broken)).some((s) => s.path === key || s.path.startsWith(`${key}.`)))
            missed.push(`${method} ${key} ${JSON.stringify(broken)}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });
});
