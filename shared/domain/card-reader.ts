// Card reader examples and the checks the registration screen makes on a card it read.
//
// The two mappings below are EXAMPLES modelled on the common shapes of vendors' local
// services (a JSON-over-HTTP one and a WebSocket one). They are not any vendor's documented
// interface: check every field name and code against your reader's manual and adjust the
// mapping in 系统设置 → 读卡器. See README "ID card reader".
import type { CardPhotoPolicy, CardRead, ReaderMapping, ReaderSettings } from '@shared/api/schemas/reader';
import { checkIdNumber } from './identity';

export const READER_PRESETS: readonly {
  code: string;
  label: string;
  settings: Pick<ReaderSettings, 'transport' | 'port' | 'path' | 'mapping'>;
}[] = [
  {
    code: 'example_http',
    label: '示例A：HTTP JSON 本地服务（需按说明书核对）',
    settings: {
      transport: 'http',
      port: 19196,
      path: '/api/readcard',
      mapping: {
        request: '',
        statusPath: 'code',
        okCodes: ['0'],
        noCardCodes: ['2'],
        noReaderCodes: ['1'],
        messagePath: 'msg',
        fields: {
          name: 'data.name',
          sex: 'data.sex',
          nation: 'data.nation',
          birthDate: 'data.birth',
          address: 'data.address',
          idNumber: 'data.idNum',
          authority: 'data.issueOrg',
          validFrom: 'data.validStart',
          validTo: 'data.validEnd',
          validity: '',
          photo: 'data.photoBase64',
        },
      },
    },
  },
  {
    code: 'example_ws',
    label: '示例B：WebSocket 本地服务（需按说明书核对）',
    settings: {
      transport: 'ws',
      port: 7415,
      path: '/ws',
      mapping: {
        request: '{"cmd":"ReadIDCard"}',
        statusPath: 'Result',
        okCodes: ['0'],
        noCardCodes: ['-2'],
        noReaderCodes: ['-1'],
        messagePath: 'ErrMsg',
        fields: {
          name: 'CardInfo.Name',
          sex: 'CardInfo.Sex',
          nation: 'CardInfo.Nation',
          birthDate: 'CardInfo.Born',
          address: 'CardInfo.Address',
          idNumber: 'CardInfo.IDCardNo',
          authority: 'CardInfo.GrantDept',
          validFrom: '',
          validTo: '',
          validity: 'CardInfo.ValidPeriod',
          photo: 'CardInfo.PhotoBase64',
        },
      },
    },
  },
];

/** The simulator's file uses our own field names: the identity mapping. */
export const SIMULATOR_MAPPING: ReaderMapping = {
  request: '',
  statusPath: '',
  okCodes: [],
  noCardCodes: [],
  noReaderCodes: [],
  messagePath: '',
  fields: {
    name: 'name',
    sex: 'sex',
    nation: 'nation',
    birthDate: 'birthDate',
    address: 'address',
    idNumber: 'idNumber',
    authority: 'authority',
    validFrom: 'validFrom',
    validTo: 'validTo',
    validity: '',
    photo: 'photo',
  },
};

const example = READER_PRESETS[0]!.settings;
export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  driver: 'none',
  ...example,
  simulatorFile: 'card-reader-sim.json',
  minIntervalMs: 300,
  timeoutMs: 3000,
};

/** Card photos: not kept unless the administrator turns that on; kept ones are removed after this many days. */
export const DEFAULT_CARD_PHOTO_POLICY: CardPhotoPolicy = { storePhoto: false, retentionDays: 180 };

export interface CardCheck {
  /** Differences between what the card says and what its number says, shown to the clerk (never silently fixed). */
  mismatches: string[];
  /** The card's validity has ended (hall date). */
  expired: boolean;
}

/** Compares the card's sex and birth date with its number, and its validity end with today (hall date 'YYYY-MM-DD'). */
export function checkCard(card: CardRead, today: string): CardCheck {
  const mismatches: string[] = [];
  const id = checkIdNumber('resident', card.idNumber);
  if (!id.ok) mismatches.push(`卡内号码有误：${id.message}`);
  else {
    if (card.sex && id.gender && card.sex !== id.gender) {
      mismatches.push(`卡内性别为“${card.sex === 'male' ? '男' : '女'}”，号码显示为“${id.gender === 'male' ? '男' : '女'}”`);
    }
    if (card.birthDate && id.birthDate && card.birthDate !== id.birthDate) {
      mismatches.push(`卡内出生日期为 ${card.birthDate}，号码显示为 ${id.birthDate}`);
    }
  }
  const expired = !card.validLongTerm && card.validTo !== null && card.validTo < today;
  return { mismatches, expired };
}
