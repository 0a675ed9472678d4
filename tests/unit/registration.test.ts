import { describe, expect, it } from 'vitest';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
let clerk: Client;

useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
});

async function count(table: 'visits' | 'petitioners' | 'matters' | 'audit_log' | 'outbox' | 'visit_representatives') {
  const r = await hall.backend.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('walk-in registration', () => {
  it('numbers visits by hall date with a daily sequence, restarting each day and never reusing a number', async () => {
    const a = await clerk.call('visits.register', visitInput());
    const b = await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', '234'), name: '李四' }));
    expect([a.visitNo, b.visitNo]).toEqual(['LF20261124-0001', 'LF20261124-0002']);
    // 23:59 in the hall is 15:59 UTC on the same date; 00:01 next day is 16:01 UTC.
    hall.clock.now = new Date('2026-11-24T15:59:00Z');
    expect((await clerk.call('visits.register', visitInput())).visitNo).toBe('LF20261124-0003');
    hall.clock.now = new Date('2026-11-24T16:01:00Z');
    expect((await clerk.call('visits.register', visitInput())).visitNo).toBe('LF20261125-0001');
  });

  it('marks the first visit 初访 and a visit linked to that matter 重复访', async () => {
    const first = await clerk.call('visits.register', visitInput());
    expect(first.kind).toBe('first');
    const look = await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: first.idNumber });
    expect(look.history?.matters).toHaveLength(1);
    const matterId = look.history!.matters[0]!.id;
    const repeat = await clerk.call('visits.register', visitInput({ matterId, summary: '补贴仍未落实，再次反映' }));
    expect(repeat.kind).toBe('repeat');
    expect(repeat.matterId).toBe(matterId);
    expect(repeat.petitionerId).toBe(first.petitionerId);
    // A new problem from the same person is a new matter, and a first visit.
    const other = await clerk.call('visits.register', visitInput({ category: 'health', summary: '社区卫生站收费问题' }));
    expect(other.kind).toBe('first');
    expect(other.matterId).not.toBe(matterId);
  });

  it('refuses to link a visit to another person’s matter', async () => {
    const mine = await clerk.call('visits.register', visitInput());
    const err = await clerk.fail(
      'visits.register',
      visitInput({ idNumber: residentId('310101', '19800202', '345'), name: '王五', matterId: mine.matterId }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.matterId).toContain('不属于');
    expect(await count('visits')).toBe(1);
  });

  it('refuses text with half a surrogate pair or a control character, naming the field, and writes nothing', async () => {
    const audit = await count('audit_log');
    for (const [field, value] of [
      ['name', '张\uD800三'],
      ['summary', '电梯补贴\u0000未落实'],
      ['demands', '\uDC00要求落实'],
    ] as const) {
      const err = await clerk.fail('visits.register', visitInput({ [field]: value }));
      expect(err.code).toBe('VALIDATION');
      expect(err.fields?.[field]).toMatch(/无法保存的字符/);
    }
    expect(await count('visits')).toBe(0);
    expect(await count('audit_log')).toBe(audit);
    expect(await count('outbox')).toBe(0);
    // Tabs and line breaks are ordinary text.
    const ok = await clerk.call('visits.register', visitInput({ demands: '一、落实补贴；\r\n二、\t答复时限' }));
    expect(ok.demands).toBe('一、落实补贴；\r\n二、\t答复时限');
  });

  it('keeps rare characters (𠮷, 﨑) intact through save and read', async () => {
    const saved = await clerk.call('visits.register', visitInput({ name: '𠮷田﨑', address: '𠮷祥路﨑巷1号' }));
    const read = await clerk.call('visits.get', { visitId: saved.id });
    expect(read.name).toBe('𠮷田﨑');
    expect(Array.from(read.name)).toHaveLength(3);
    expect(read.address).toBe('𠮷祥路﨑巷1号');
    const found = await clerk.call('petitioners.search', { q: '𠮷田' });
    expect(found.map((p) => p.name)).toEqual(['𠮷田﨑']);
  });

  it('normalises the ID number (lower-case x, full-width digits) and derives gender and birth date', async () => {
    const id = residentId('110105', '19491231', '002'); // ends in X
    expect(id.endsWith('X')).toBe(true);
    const typed = id.slice(0, 4).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) + id.slice(4, 17) + 'x';
    const saved = await clerk.call('visits.register', visitInput({ idNumber: typed }));
    expect(saved.idNumber).toBe(id);
    expect(saved.gender).toBe('female');
    expect(saved.birthDate).toBe('1949-12-31');
  });

  it('refuses an invalid ID number with a field message and saves nothing', async () => {
    const good = residentId('110105', '19650312', '123');
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    for (const [idNumber, words] of [
      [badCheck, '校验'],
      ['110105196502301234', '不存在'],
      ['110105650312123', '15位'],
    ] as const) {
      const err = await clerk.fail('visits.register', visitInput({ idNumber }));
      expect(err.code).toBe('VALIDATION');
      expect(err.fields?.idNumber).toContain(words);
    }
    expect(await count('visits')).toBe(0);
    expect(await count('petitioners')).toBe(0);
  });

  it('requires representatives for a group of five or more and refuses a sixth', async () => {
    const rep = (i: number) => ({ name: `代表${'甲乙丙丁戊己'[i]}`, idType: 'resident' as const, idNumber: '', phone: '' });
    const none = await clerk.fail('visits.register', visitInput({ peopleCount: 6, representatives: [] }));
    expect(none.fields?.representatives).toContain('请登记代表');
    const six = await clerk.fail('visits.register', visitInput({ peopleCount: 6, representatives: [0, 1, 2, 3, 4, 5].map(rep) }));
    expect(six.fields?.representatives).toContain('不得超过5人');
    expect(await count('visits')).toBe(0);
    const five = await clerk.call('visits.register', visitInput({ peopleCount: 30, representatives: [0, 1, 2, 3, 4].map(rep) }));
    expect(five.isGroup).toBe(true);
    expect(five.representatives.map((r) => r.name)).toEqual(['代表甲', '代表乙', '代表丙', '代表丁', '代表戊']);
  });

  it('writes an audit entry and an outbox entry with each registration', async () => {
    const saved = await clerk.call('visits.register', visitInput());
    const db = hall.backend.deps.db;
    const audit = await db.selectFrom('audit_log').selectAll().where('entity', '=', 'visit').execute();
    expect(audit.map((a) => a.action)).toEqual(['visit.register']);
    expect(audit[0]!.entity_id).toBe(saved.id);
    const outbox = await db.selectFrom('outbox').selectAll().where('entity', '=', 'visit').execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.entity_version).toBe(1);
    expect(JSON.parse(outbox[0]!.payload_json)).toMatchObject({ visitNo: saved.visitNo, name: '张三丰', kind: 'first' });
  });

  it('lists the day’s registrations newest first', async () => {
    await clerk.call('visits.register', visitInput());
    await clerk.call('visits.register', visitInput({ idNumber: residentId('110105', '19700101', '234'), name: '李四' }));
    const list = await clerk.call('visits.listDay', {});
    expect(list.map((v) => v.visitNo)).toEqual(['LF20261124-0002', 'LF20261124-0001']);
    expect(list[0]!.registeredByName).toMatch(/^测试clerk/);
    expect(await clerk.call('visits.listDay', { date: '2026-11-23' })).toEqual([]);
  });
});

describe('corrections', () => {
  it('updates the record, bumps its version and audits before/after with the reason', async () => {
    const saved = await clerk.call('visits.register', visitInput());
    const { corrections: _c, ...rest } = saved;
    const changes = { ...rest, summary: '加装电梯补贴未按期发放', category: 'civil_affairs' as const, escort: null };
    const fixed = await clerk.call('visits.correct', { visitId: saved.id, expectedVersion: 1, reason: '摘要记录有误', changes });
    expect(fixed.version).toBe(2);
    expect(fixed.summary).toBe('加装电梯补贴未按期发放');
    expect(fixed.corrections).toHaveLength(1);
    expect(fixed.corrections[0]).toMatchObject({
      reason: '摘要记录有误',
      changes: [
        { field: 'category', before: 'urban_construction', after: 'civil_affairs' },
        { field: 'summary', before: '小区加装电梯补贴未落实', after: '加装电梯补贴未按期发放' },
      ],
    });
    const outbox = await hall.backend.deps.db
      .selectFrom('outbox')
      .select(['entity_version'])
      .where('entity_id', '=', saved.id)
      .orderBy('seq')
      .execute();
    expect(outbox.map((o) => o.entity_version)).toEqual([1, 2]);
  });

  it('a corrected name corrects the person, with audit and a new outbox version for the district', async () => {
    const saved = await clerk.call('visits.register', visitInput({ name: '张三风' }));
    const { corrections: _c, ...rest } = saved;
    await clerk.call('visits.correct', { visitId: saved.id, expectedVersion: 1, reason: '姓名录错', changes: { ...rest, name: '张三丰' } });
    const db = hall.backend.deps.db;
    const p = await db.selectFrom('petitioners').selectAll().where('id', '=', saved.petitionerId).executeTakeFirstOrThrow();
    expect([p.name, p.name_initials, p.version]).toEqual(['张三丰', 'zsf', 2]);
    const outbox = await db
      .selectFrom('outbox')
      .select(['entity', 'entity_version'])
      .where('entity_id', '=', saved.petitionerId)
      .orderBy('seq')
      .execute();
    expect(outbox).toEqual([
      { entity: 'petitioner', entity_version: 1 },
      { entity: 'petitioner', entity_version: 2 },
    ]);
    const matterRows = await db.selectFrom('outbox').select('entity').where('entity', '=', 'matter').execute();
    expect(matterRows).toHaveLength(1);
  });

  it('refuses a correction based on a stale version and one that changes nothing', async () => {
    const saved = await clerk.call('visits.register', visitInput());
    const { corrections: _c, ...rest } = saved;
    await clerk.call('visits.correct', {
      visitId: saved.id,
      expectedVersion: 1,
      reason: '改电话',
      changes: { ...rest, phone: '13900001111' },
    });
    const stale = await clerk.fail('visits.correct', {
      visitId: saved.id,
      expectedVersion: 1,
      reason: '改地址',
      changes: { ...rest, address: '新地址' },
    });
    expect(stale.code).toBe('CONFLICT');
    const same = await clerk.fail('visits.correct', {
      visitId: saved.id,
      expectedVersion: 2,
      reason: '无变化',
      changes: { ...rest, phone: '13900001111' },
    });
    expect(same.message).toContain('没有需要更正');
    expect((await clerk.call('visits.get', { visitId: saved.id })).address).toBe(saved.address);
  });
});
