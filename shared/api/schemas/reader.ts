// The ID card reader (二代证阅读器) of the desk's PC: its settings, and what a read returns.
// The vendor's local service is described by a mapping (shared/domain/card-reader.ts has the
// examples), so a new vendor is a configuration, not code.
import { z } from '../zod-setup';
import { cleanString, uuid } from './common';

export const CARD_FIELDS = [
  { code: 'name', label: '姓名' },
  { code: 'sex', label: '性别' },
  { code: 'nation', label: '民族' },
  { code: 'birthDate', label: '出生日期' },
  { code: 'address', label: '住址' },
  { code: 'idNumber', label: '公民身份号码' },
  { code: 'authority', label: '签发机关' },
  { code: 'validFrom', label: '有效期起' },
  { code: 'validTo', label: '有效期止' },
  { code: 'validity', label: '有效期限（起止在一个字段）' },
  { code: 'photo', label: '照片' },
] as const;
export type CardField = (typeof CARD_FIELDS)[number]['code'];

/** A dotted path into the vendor's JSON ('data.name', 'CardInfo.Name'); empty = the vendor has no such field. */
const jsonPath = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(100, { message: `${label}不能超过100个字符` })
    .regex(/^([A-Za-z_$][\w$]*|\d+)?(\.([A-Za-z_$][\w$]*|\d+))*$/, { message: `${label}应为以点分隔的字段名，如 data.name` });

const codeList = (label: string) =>
  z
    .array(
      cleanString(label)
        .trim()
        .max(20, { message: `${label}中每个代码不超过20个字符` }),
    )
    .max(20, { message: `${label}最多20个` });

export const readerMappingInput = z.object({
  /** WebSocket only: the text sent to ask for one read. */
  request: cleanString('读卡请求').max(500, { message: '读卡请求不能超过500个字符' }),
  statusPath: jsonPath('结果代码字段'),
  okCodes: codeList('成功代码'),
  noCardCodes: codeList('无卡代码'),
  noReaderCodes: codeList('无读卡器代码'),
  messagePath: jsonPath('提示信息字段'),
  fields: z.object({
    name: jsonPath('姓名字段'),
    sex: jsonPath('性别字段'),
    nation: jsonPath('民族字段'),
    birthDate: jsonPath('出生日期字段'),
    address: jsonPath('住址字段'),
    idNumber: jsonPath('公民身份号码字段'),
    authority: jsonPath('签发机关字段'),
    validFrom: jsonPath('有效期起字段'),
    validTo: jsonPath('有效期止字段'),
    validity: jsonPath('有效期限字段'),
    photo: jsonPath('照片字段'),
  }),
});
export type ReaderMapping = z.output<typeof readerMappingInput>;

export const READER_DRIVERS = [
  { code: 'none', label: '不使用读卡器' },
  { code: 'local', label: '读卡器本地服务（厂商SDK）' },
  { code: 'simulator', label: '模拟读卡器（培训与测试）' },
] as const;
export type ReaderDriver = (typeof READER_DRIVERS)[number]['code'];

export const readerSettingsInput = z.object({
  driver: z.enum(['none', 'local', 'simulator'], { error: '请选择读卡方式' }),
  transport: z.enum(['http', 'ws'], { error: '请选择通信方式' }),
  port: z.number({ error: '端口应为数字' }).int({ message: '端口应为整数' }).min(1, { message: '端口应在1至65535之间' }).max(65535, {
    message: '端口应在1至65535之间',
  }),
  path: z
    .string()
    .trim()
    .max(200, { message: '路径不能超过200个字符' })
    .regex(/^\/[\x21-\x7e]*$/, { message: '路径应以 / 开头，且只含英文字符' }),
  mapping: readerMappingInput,
  /** The simulator's card file; relative paths are in the data folder. */
  simulatorFile: cleanString('模拟文件路径').trim().max(500, { message: '模拟文件路径不能超过500个字符' }),
  /** The vendor's minimum time between two reads. */
  minIntervalMs: z.number({ error: '读卡间隔应为数字' }).int().min(200, { message: '读卡间隔不少于200毫秒' }).max(5000, {
    message: '读卡间隔不超过5000毫秒',
  }),
  timeoutMs: z
    .number({ error: '超时应为数字' })
    .int()
    .min(500, { message: '超时不少于500毫秒' })
    .max(15000, { message: '超时不超过15000毫秒' }),
});
/** The reader of one PC: kept in that PC's data folder (card-reader.json); the hall's value is the default of a PC with none. */
export type ReaderSettings = z.output<typeof readerSettingsInput>;

export const readerSaveInput = readerSettingsInput.extend({
  /** Also make these the hall's default, for PCs that have no reader settings of their own. */
  alsoHallDefault: z.boolean({ error: '请选择是否设为全厅默认' }).default(false),
});

/** Whether card photos are kept, and for how long: the hall's policy (personal data), one for every PC. */
export const cardPhotoPolicyInput = z.object({
  /** Off (default): the photo is shown for comparison only and never stored (minimum necessary). */
  storePhoto: z.boolean({ error: '请选择是否保存身份证照片' }),
  retentionDays: z
    .number({ error: '照片保存天数应为数字' })
    .int({ message: '照片保存天数应为整数' })
    .min(1, { message: '照片保存天数应在1至3650天之间' })
    .max(3650, { message: '照片保存天数应在1至3650天之间' }),
});
export type CardPhotoPolicy = z.output<typeof cardPhotoPolicyInput>;

/** 读卡器 as the administrator sees it: which PC the settings are for, and where they come from. */
export interface ReaderSettingsView {
  settings: ReaderSettings;
  /** 'pc': this PC's own settings; 'hall': none saved on this PC, the hall's default applies. */
  source: 'pc' | 'hall';
  /** The PC whose reader this is: the one running this backend (in serve mode, the server). */
  pc: { hostname: string; dataDir: string };
  photos: CardPhotoPolicy;
}

/** A person's kept card photo, for the clerk's comparison at the window. */
export interface PersonPhoto {
  petitionerId: string;
  /** data: URL, or null when none is kept (storage off, pruned, or never read). */
  photo: string | null;
  storedAt: string | null;
}

export const readerReadInput = z.object({
  /** 'poll': the registration screen's poll (a card is returned once until lifted); 'now': F1, read again. */
  mode: z.enum(['poll', 'now'], { error: '读卡方式不正确' }),
});

/** A card as read, normalised: dates 'YYYY-MM-DD'. */
export interface CardRead {
  name: string;
  sex: 'male' | 'female' | null;
  nation: string;
  birthDate: string | null;
  address: string;
  idNumber: string;
  authority: string;
  validFrom: string | null;
  /** Null with validLongTerm = true for 长期. */
  validTo: string | null;
  validLongTerm: boolean;
  /** data: URL, for the clerk's comparison; null when the reader gives none. */
  photo: string | null;
}

export const READER_FAULTS = ['absent', 'down', 'unreadable', 'timeout', 'bad_response'] as const;
export type ReaderFault = (typeof READER_FAULTS)[number];

export interface ReaderState {
  driver: ReaderDriver;
  /** off: no reader configured; ready: waiting for a card; card: a card is on the reader; fault: see fault/message. */
  light: 'off' | 'ready' | 'card' | 'fault';
  fault: ReaderFault | null;
  message: string;
}

export interface ReaderResult {
  state: ReaderState;
  /** The card, when this call is the first to see it since it was placed (or mode 'now'). */
  card: CardRead | null;
  /** The vendor's minimum interval, for the screen's poll. */
  intervalMs: number;
  /** True when the photo of this read was kept (the administrator's setting). */
  photoStored: boolean;
}

export const personPhotoInput = z.object({ petitionerId: uuid });
