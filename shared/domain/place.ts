// The full place of issue (省、市、县) of a resident ID number from its first six digits, after
// GB/T 2260. An ID number keeps the area code of the year it was first issued, so the list
// (shared/domain/gb2260-codes.json, made by scripts/gb2260.mjs) holds codes no longer in use
// too; a code missing from it is shown as unknown, never refused (identity.ts checks the province).
import codes from './gb2260-codes.json';

const CURRENT: Readonly<Record<string, string>> = codes.current;
/** code → [name, last list that had it]. */
const RETIRED: Readonly<Record<string, readonly string[]>> = codes.retired;

/** Names GB/T 2260 gives to a placeholder level (直辖市's 市辖区/县), never shown as a city. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', '省直辖行政单位']);

export interface PlacePart {
  code: string;
  name: string;
  /** The last list that had it ('200912' = 2009-12), when the code is no longer in use. */
  retiredAfter?: string;
}

export interface PlaceOfIssue {
  code: string;
  province: PlacePart | null;
  city: PlacePart | null;
  /** Null when the code names a province or city itself. */
  county: PlacePart | null;
  /** True when the six-digit code is in neither today's list nor an older one. */
  unknown: boolean;
  /** One line for the screen: '北京市 朝阳区', '北京市 崇文区（旧代码，2009年12月后停用）', '河北省 石家庄市 · 县级代码130199未知'. */
  text: string;
}

function part(code: string): PlacePart | null {
  const now = CURRENT[code];
  if (now) return { code, name: now };
  const old = RETIRED[code];
  return old?.[0] ? { code, name: old[0], retiredAfter: old[1] ?? '' } : null;
}

function shown(p: PlacePart): string {
  return p.retiredAfter ? `${p.name}（旧代码，${p.retiredAfter.slice(0, 4)}年${Number(p.retiredAfter.slice(4, 6))}月后停用）` : p.name;
}

/** Looks up the six-digit area code of an ID number; returns null unless it is six digits. */
export function placeOfIssue(code6: string): PlaceOfIssue | null {
  if (!/^\d{6}$/.test(code6)) return null;
  const province = part(`${code6.slice(0, 2)}0000`);
  const cityCode = `${code6.slice(0, 4)}00`;
  const cityPart = cityCode === `${code6.slice(0, 2)}0000` ? null : part(cityCode);
  const city = cityPart && !PLACEHOLDERS.has(cityPart.name) ? cityPart : null;
  const isCounty = code6.slice(4) !== '00';
  const county = isCounty ? part(code6) : null;
  const own = code6.endsWith('0000') ? province : isCounty ? county : cityPart;
  const unknown = own === null;
  const names = [province, city, county].filter((p): p is PlacePart => p !== null).map(shown);
  if (unknown) names.push(isCounty ? `县级代码${code6}未知` : `代码${code6}未知`);
  return { code: code6, province, city, county, unknown, text: names.join(' ') };
}
