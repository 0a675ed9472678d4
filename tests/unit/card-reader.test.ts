// The ID card reader: the mapping of the two example vendor shapes, the simulator's file, the
// backend's rules for polling (the vendor's minimum interval, a card handed out once until it is
// lifted), every fault of a real local service on 127.0.0.1 over HTTP and WebSocket (down,
// failing, hanging, garbage), and the full
// place of issue from the GB/T 2260 list with its retired codes. Per-PC settings and kept photos:
// reader-pc-photos.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardRead, ReaderSettings } from '@shared/api/schemas/reader';
import { readerSettingsInput } from '@shared/api/schemas/reader';
import { checkCard, DEFAULT_READER_SETTINGS, READER_PRESETS } from '@shared/domain/card-reader';
import { checkIdNumber } from '@shared/domain/identity';
import { placeOfIssue } from '@shared/domain/place';
import { mapVendorResponse } from '../../electron/backend/services/reader/mapping';
import { client, PASSWORD, residentId, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { startFakeReader, type FakeReader } from '../support/fake-reader';

const ID = residentId('110105', '19900307', '123'); // male (odd sequence), born 1990-03-07
const BMP = Buffer.concat([Buffer.from('BM'), Buffer.alloc(40, 7)]).toString('base64');
const preset = (code: string) => READER_PRESETS.find((p) => p.code === code)!.settings;

/** Example A (JSON over HTTP): {code, msg, data:{…}}. */
const cardA = {
  name: '张 三',
  sex: '男',
  nation: '汉',
  birth: '19900307',
  address: '北京市朝阳区和平街道12号',
  idNum: ID.toLowerCase(),
  issueOrg: '北京市公安局朝阳分局',
  validStart: '20150101',
  validEnd: '20350101',
  photoBase64: BMP,
};
/** Example B (WebSocket): {Result, ErrMsg, CardInfo:{…}}: sex and nation as codes, dates with separators, one validity field. */
const cardB = {
  Name: '李四',
  Sex: '2',
  Nation: '03',
  Born: '1990-03-07',
  Address: '河北省石家庄市长安区建设北大街1号',
  IDCardNo: ID,
  GrantDept: '石家庄市公安局长安分局',
  ValidPeriod: '2015.01.01-长期',
  PhotoBase64: `data:image/bmp;base64,${BMP}`,
};

describe('field mapping of the example vendor shapes', () => {
  it('maps example A (HTTP JSON) to a normalised card', () => {
    const r = mapVendorResponse(preset('example_http').mapping, { code: 0, msg: '成功', data: cardA });
    expect(r).toEqual({
      kind: 'card',
      card: {
        name: '张三',
        sex: 'male',
        nation: '汉',
        birthDate: '1990-03-07',
        address: '北京市朝阳区和平街道12号',
        idNumber: ID,
        authority: '北京市公安局朝阳分局',
        validFrom: '2015-01-01',
        validTo: '2035-01-01',
        validLongTerm: false,
        photo: `data:image/bmp;base64,${BMP}`,
      },
    });
  });

  it('maps example B (WebSocket): codes to names, a combined 长期 validity', () => {
    const r = mapVendorResponse(preset('example_ws').mapping, { Result: 0, ErrMsg: '', CardInfo: cardB });
    expect(r.kind).toBe('card');
    if (r.kind !== 'card') return;
    expect(r.card).toMatchObject({ name: '李四', sex: 'female', nation: '回', birthDate: '1990-03-07', validFrom: '2015-01-01' });
    expect(r.card.validTo).toBeNull();
    expect(r.card.validLongTerm).toBe(true);
    expect(r.card.photo).toBe(`data:image/bmp;base64,${BMP}`);
  });

  it('tells no card, no reader, an unreadable card and a shape it does not know apart', () => {
    const a = preset('example_http').mapping;
    expect(mapVendorResponse(a, { code: 2, msg: '未放卡' })).toEqual({ kind: 'noCard' });
    expect(mapVendorResponse(a, { code: 1, msg: '未找到设备' })).toMatchObject({
      kind: 'fault',
      fault: 'absent',
      message: '未连接读卡器：未找到设备',
    });
    expect(mapVendorResponse(a, { code: 9, msg: '读卡失败' })).toMatchObject({ kind: 'fault', fault: 'unreadable' });
    expect(mapVendorResponse(a, { Result: 0, CardInfo: cardB })).toMatchObject({ kind: 'fault', fault: 'bad_response' });
    expect(mapVendorResponse(a, { code: 0, data: { name: '张三' } })).toMatchObject({ kind: 'fault', fault: 'bad_response' });
    expect(mapVendorResponse(a, 'OK')).toMatchObject({ kind: 'fault', fault: 'bad_response' });
  });

  it('refuses a mapping that is not a field path, in Chinese naming the field', () => {
    const bad = { ...DEFAULT_READER_SETTINGS, mapping: { ...DEFAULT_READER_SETTINGS.mapping, statusPath: 'data[0].code' } };
    const r = readerSettingsInput.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('结果代码字段');
    const port = readerSettingsInput.safeParse({ ...DEFAULT_READER_SETTINGS, port: 70000 });
    expect(port.error!.issues[0]!.message).toBe('端口应在1至65535之间');
  });
});

describe('cross-checks on a card', () => {
  const r = mapVendorResponse(preset('example_http').mapping, { code: 0, data: cardA });
  if (r.kind !== 'card') throw new Error(`example A did not map: ${r.kind}`);
  const card: CardRead = r.card;
  it('shows a sex or birth date that disagrees with the number, and an expired card', () => {
    expect(checkCard(card, '2026-11-24')).toEqual({ mismatches: [], expired: false });
    const c = checkCard({ ...card, sex: 'female', birthDate: '1990-03-08', validTo: '2026-11-23' }, '2026-11-24');
    expect(c.expired).toBe(true);
    expect(c.mismatches).toEqual(['卡内性别为“女”，号码显示为“男”', '卡内出生日期为 1990-03-08，号码显示为 1990-03-07']);
    expect(checkCard({ ...card, validTo: null, validLongTerm: true }, '2099-01-01').expired).toBe(false);
  });
});

describe('place of issue (GB/T 2260 with retired codes)', () => {
  it('shows province, city and county of a current code', () => {
    expect(placeOfIssue('110105')!.text).toBe('北京市 朝阳区');
    expect(placeOfIssue('440305')!.text).toBe('广东省 深圳市 南山区');
    expect(placeOfIssue('130102')).toMatchObject({ unknown: false, city: { name: '石家庄市' }, county: { name: '长安区' } });
  });
  it('shows a county code no longer in use with its old name, and an unknown one as unknown, and refuses neither', () => {
    const old = placeOfIssue('110103')!; // 崇文区, merged into 东城区 in 2010
    expect(old.unknown).toBe(false);
    expect(old.text).toBe('北京市 崇文区（旧代码，2009年12月后停用）');
    const unknown = placeOfIssue('130199')!;
    expect(unknown.unknown).toBe(true);
    expect(unknown.text).toBe('河北省 石家庄市 县级代码130199未知');
    for (const area of ['110103', '130199']) expect(checkIdNumber('resident', residentId(area, '19800101', '001')).ok).toBe(true);
  });
});

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await h.as('clerk');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function configure(over: Partial<ReaderSettings>): Promise<ReaderSettings> {
  const saved = await hall.admin.call('reader.saveSettings', {
    ...DEFAULT_READER_SETTINGS,
    minIntervalMs: 200,
    timeoutMs: 800,
    alsoHallDefault: false,
    ...over,
  });
  return saved.settings;
}

function simFile(content: unknown) {
  writeFileSync(join(hall.dir, 'card-reader-sim.json'), JSON.stringify(content));
}

const simCard = {
  name: '王五',
  sex: '男',
  nation: '汉',
  birthDate: '19900307',
  address: '北京市朝阳区和平街道12号',
  idNumber: ID,
  authority: '北京市公安局朝阳分局',
  validFrom: '20150101',
  validTo: '20250101',
};

describe('the simulator and the polling rules', () => {
  it('hands a placed card out once until it is lifted; F1 (mode now) reads it again', async () => {
    await configure({ driver: 'simulator' });
    simFile({ placed: 0, cards: [simCard] });
    const first = await clerk.call('reader.read', { mode: 'poll' });
    expect(first.state.light).toBe('card');
    expect(first.card).toMatchObject({ name: '王五', idNumber: ID, validTo: '2025-01-01', photo: null });
    expect(first.photoStored).toBe(false);
    await sleep(250);
    const again = await clerk.call('reader.read', { mode: 'poll' });
    expect(again.card).toBeNull();
    expect(again.state.light).toBe('card');
    await sleep(250);
    expect((await clerk.call('reader.read', { mode: 'now' })).card?.name).toBe('王五');
    simFile({ placed: null, cards: [simCard] });
    await sleep(250);
    const lifted = await clerk.call('reader.read', { mode: 'poll' });
    expect(lifted.state).toMatchObject({ light: 'ready', fault: null });
    simFile({ placed: 0, cards: [simCard] });
    await sleep(250);
    expect((await clerk.call('reader.read', { mode: 'poll' })).card?.name).toBe('王五');
  });

  it('reports a missing file, a fault set in the file and a card that is not there', async () => {
    await configure({ driver: 'simulator', simulatorFile: 'no-such-file.json' });
    expect((await clerk.call('reader.read', { mode: 'poll' })).state).toMatchObject({ light: 'fault', fault: 'absent' });
    await configure({ driver: 'simulator' });
    simFile({ placed: null, fault: 'unreadable', cards: [] });
    expect((await clerk.call('reader.read', { mode: 'poll' })).state).toMatchObject({
      fault: 'unreadable',
      message: expect.stringContaining('读卡失败'),
    });
    await sleep(250);
    simFile({ placed: 3, cards: [simCard] });
    expect((await clerk.call('reader.read', { mode: 'poll' })).state.fault).toBe('bad_response');
    expect(await clerk.call('reader.status', {})).toMatchObject({ light: 'fault', fault: 'bad_response' });
  });

  it('never hands the card on this PC to a browser desk on another PC', async () => {
    await configure({ driver: 'simulator' });
    simFile({ placed: 0, cards: [simCard] });
    const elsewhere = client(hall.backend, { remoteAddress: '192.168.1.20', client: '192.168.1.20' });
    await hall.as('clerk', 'lanclerk');
    await elsewhere.call('auth.login', { username: 'lanclerk', password: PASSWORD });
    const r = await elsewhere.call('reader.read', { mode: 'now' });
    expect(r.card).toBeNull();
    expect(r.state).toMatchObject({ light: 'off', message: expect.stringContaining('运行服务的电脑') });
    expect((await elsewhere.call('reader.status', {})).light).toBe('off');
    expect((await clerk.call('reader.read', { mode: 'now' })).card?.name).toBe('王五');
  });

  it('reads nothing and says so when no reader is set; only the administrator changes the settings', async () => {
    const r = await clerk.call('reader.read', { mode: 'now' });
    expect(r).toMatchObject({ card: null, state: { light: 'off', driver: 'none' } });
    expect((await clerk.fail('reader.saveSettings', DEFAULT_READER_SETTINGS)).code).toBe('FORBIDDEN');
  });
});

for (const shape of ['http', 'ws'] as const) {
  describe(`a local reader service over ${shape === 'http' ? 'HTTP' : 'WebSocket'} on 127.0.0.1`, () => {
    const p = preset(shape === 'http' ? 'example_http' : 'example_ws');
    let fake: FakeReader;
    const start = async () => {
      fake = await startFakeReader(shape, shape === 'http' ? cardA : cardB, p.path);
      hall.defer(() => fake.close());
      await configure({ driver: 'local', ...p, port: fake.port });
    };
    const poll = async (mode: 'poll' | 'now' = 'now') => {
      await sleep(250);
      return clerk.call('reader.read', { mode });
    };

    it('reads a card, sending the configured request', async () => {
      await start();
      const r = await poll();
      expect(r.card?.idNumber).toBe(ID);
      expect(r.state.light).toBe('card');
      expect(fake.requests.at(-1)).toMatchObject({ path: p.path, body: shape === 'ws' ? '{"cmd":"ReadIDCard"}' : '' });
    });

    it('reads a card with a full-size photo (a 38 kB BMP: a long frame, several TCP chunks)', async () => {
      await start();
      const big = Buffer.concat([Buffer.from('BM'), Buffer.alloc(38_556, 0x5a)]).toString('base64');
      fake.card = shape === 'http' ? { ...cardA, photoBase64: big } : { ...cardB, PhotoBase64: big };
      const r = await poll();
      expect(r.card?.photo).toBe(`data:image/bmp;base64,${big}`);
    });

    it('asks the reader no faster than the minimum interval, and never twice at once', async () => {
      await start();
      await configure({ driver: 'local', ...p, port: fake.port, minIntervalMs: 5000 });
      const results = await Promise.all([1, 2, 3].map(() => clerk.call('reader.read', { mode: 'poll' })));
      results.push(await clerk.call('reader.read', { mode: 'poll' }));
      expect(fake.requests).toHaveLength(1);
      expect(results.filter((r) => r.card !== null)).toHaveLength(1);
    });

    it('tells every fault apart with a Chinese message', async () => {
      await start();
      const cases: [FakeReader['mode'], string, RegExp][] = [
        ['noCard', 'ready', /请放置身份证/],
        ['noReader', 'absent', /未连接读卡器/],
        ['unreadable', 'unreadable', /读卡失败/],
        ['fail', shape === 'http' ? 'down' : 'down', /读卡服务/],
        ['hang', 'timeout', /未应答/],
        ['garbage', 'bad_response', /无法识别|不是所设置/],
      ];
      for (const [mode, fault, message] of cases) {
        fake.mode = mode;
        const r = await poll('poll');
        expect(r.card, mode).toBeNull();
        if (fault === 'ready') expect(r.state.light, mode).toBe('ready');
        else expect(r.state, mode).toMatchObject({ light: 'fault', fault });
        expect(r.state.message, mode).toMatch(message);
      }
      fake.mode = 'card';
      expect((await poll('poll')).card?.idNumber).toBe(ID);
      await fake.close();
      expect((await poll()).state).toMatchObject({ fault: 'down', message: expect.stringContaining(`127.0.0.1:${fake.port}`) });
    });
  });
}
