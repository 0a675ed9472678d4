// Turns a vendor's JSON answer into a card (or no card, or a fault) through the mapping table
// of the reader settings. Pure: the field-mapping tests run it on the example vendor shapes.
import type { CardRead, ReaderFault, ReaderMapping } from '@shared/api/schemas/reader';

export type ReadOutcome = { kind: 'card'; card: CardRead } | { kind: 'noCard' } | { kind: 'fault'; fault: ReaderFault; message: string };

/** Code → name of GB/T 3304 (民族), for readers that give the code ('01') instead of the name. */
const NATIONS = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳',
  '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯',
  '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴',
  '珞巴', '基诺',
]; // prettier-ignore

/** The largest photo accepted (a card photo is a 102×126 image, a few kB to ~40 kB as BMP). */
const MAX_PHOTO_CHARS = 200_000;

export function valueAt(json: unknown, path: string): unknown {
  if (!path) return undefined;
  let v: unknown = json;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function str(json: unknown, path: string): string {
  const v = valueAt(json, path);
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** '19900307', '1990-03-07', '1990.03.07', '1990年03月07日' → '1990-03-07'; anything else null. */
export function cardDate(s: string): string | null {
  const m = /^(\d{4})\D?(\d{2})\D?(\d{2})\D?$/.exec(s.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function sexOf(s: string): 'male' | 'female' | null {
  if (['男', '1', 'M', 'm', 'male'].includes(s)) return 'male';
  if (['女', '2', 'F', 'f', 'female'].includes(s)) return 'female';
  return null;
}

function nationOf(s: string): string {
  if (/^\d{1,2}$/.test(s)) return NATIONS[Number(s) - 1] ?? s;
  return s.replace(/族$/, '');
}

function photoOf(s: string): string | null {
  const v = s.replace(/\s+/g, '');
  if (!v || v.length > MAX_PHOTO_CHARS) return null;
  if (/^data:image\/(bmp|jpeg|png|gif);base64,[A-Za-z0-9+/]+=*$/.test(v)) return v;
  if (!/^[A-Za-z0-9+/]+=*$/.test(v)) return null;
  const type = v.startsWith('Qk') ? 'bmp' : v.startsWith('/9j') ? 'jpeg' : v.startsWith('iVBOR') ? 'png' : null;
  return type ? `data:image/${type};base64,${v}` : null;
}

/** 'YYYYMMDD-YYYYMMDD', '2015.01.01-长期', '20150101至20350101' → [from, to|'长期']. */
function splitValidity(s: string): [string, string] {
  const parts = s.match(/\d{4}\D?\d{2}\D?\d{2}|长期/g) ?? [];
  return [parts[0] ?? '', parts[1] ?? ''];
}

/** Maps a vendor's answer (already parsed JSON) to an outcome. */
export function mapVendorResponse(mapping: ReaderMapping, json: unknown): ReadOutcome {
  if (json === null || typeof json !== 'object') return { kind: 'fault', fault: 'bad_response', message: '读卡服务返回的内容无法识别' };
  const message = str(json, mapping.messagePath);
  if (mapping.statusPath) {
    const code = str(json, mapping.statusPath);
    if (code === '')
      return { kind: 'fault', fault: 'bad_response', message: `读卡服务的返回中没有结果代码（${mapping.statusPath}），请核对读卡器设置` };
    if (mapping.noCardCodes.includes(code)) return { kind: 'noCard' };
    if (mapping.noReaderCodes.includes(code))
      return { kind: 'fault', fault: 'absent', message: `未连接读卡器${message ? `：${message}` : ''}` };
    if (!mapping.okCodes.includes(code))
      return { kind: 'fault', fault: 'unreadable', message: `读卡失败${message ? `：${message}` : `（代码 ${code}）`}，请将证件重新放好` };
  }
  const f = mapping.fields;
  const [fromCombined, toCombined] = f.validity ? splitValidity(str(json, f.validity)) : ['', ''];
  const fromRaw = f.validFrom ? str(json, f.validFrom) : fromCombined;
  const toRaw = f.validTo ? str(json, f.validTo) : toCombined;
  const card: CardRead = {
    name: str(json, f.name).replace(/\s+/g, ''),
    sex: sexOf(str(json, f.sex)),
    nation: nationOf(str(json, f.nation)),
    birthDate: cardDate(str(json, f.birthDate)),
    address: str(json, f.address),
    idNumber: str(json, f.idNumber).toUpperCase(),
    authority: str(json, f.authority),
    validFrom: cardDate(fromRaw),
    validTo: cardDate(toRaw),
    validLongTerm: toRaw === '长期',
    photo: photoOf(str(json, f.photo)),
  };
  if (!card.name || !card.idNumber) {
    return { kind: 'fault', fault: 'bad_response', message: '读卡服务返回的内容缺少姓名或号码，请核对读卡器设置中的字段对应' };
  }
  return { kind: 'card', card };
}
