import { describe, expect, it } from 'vitest';
import { residentId, visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';

let hall: TestHall;
let clerk: Client;

useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
  await clerk.call(
    'visits.register',
    visitInput({ name: '张三丰', idNumber: residentId('110105', '19650312', '123'), phone: '13812345678' }),
  );
  await clerk.call(
    'visits.register',
    visitInput({
      name: '张绍峰',
      idNumber: residentId('110105', '19720101', '456'),
      phone: '13812345678',
      category: 'health',
      summary: '医保报销',
    }),
  );
  await clerk.call(
    'visits.register',
    visitInput({ name: '单田芳', idNumber: residentId('120101', '19340601', '017'), phone: '010-66012345' }),
  );
  await clerk.call('visits.register', visitInput({ idType: 'none', idNumber: '', name: '李无证', phone: '' }));
});

const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

describe('finding a person', () => {
  it('by pinyin initials, including surname readings (单 → s)', async () => {
    expect(names(await clerk.call('petitioners.search', { q: 'zsf' }))).toEqual(['张三丰', '张绍峰']);
    expect(names(await clerk.call('petitioners.search', { q: 'ZS' }))).toEqual(['张三丰', '张绍峰']);
    expect(names(await clerk.call('petitioners.search', { q: 'stf' }))).toEqual(['单田芳']);
  });

  it('by name prefix, ID number (or its start) and phone (or its start)', async () => {
    expect(names(await clerk.call('petitioners.search', { q: '张三' }))).toEqual(['张三丰']);
    expect(names(await clerk.call('petitioners.search', { q: residentId('120101', '19340601', '017') }))).toEqual(['单田芳']);
    expect(names(await clerk.call('petitioners.search', { q: '1201011934' }))).toEqual(['单田芳']);
    expect(names(await clerk.call('petitioners.search', { q: '1381234' }))).toEqual(['张三丰', '张绍峰']);
    expect(names(await clerk.call('petitioners.search', { q: '010-6601' }))).toEqual(['单田芳']);
    expect(await clerk.call('petitioners.search', { q: 'qqq' })).toEqual([]);
  });

  it('lookup by ID returns the full history; a shared phone returns the candidates only', async () => {
    const byId = await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: residentId('110105', '19720101', '456') });
    expect(byId.matches).toHaveLength(1);
    expect(byId.history?.petitioner.name).toBe('张绍峰');
    expect(byId.history?.visits.map((v) => v.summary)).toEqual(['医保报销']);
    expect(byId.history?.matters[0]).toMatchObject({ category: 'health', visitCount: 1 });

    const byPhone = await clerk.call('petitioners.lookup', { phone: '138 1234 5678' });
    expect(names(byPhone.matches)).toEqual(['张三丰', '张绍峰']);
    expect(byPhone.history).toBeNull();

    // A new document with a known phone is a new person: no one else's history.
    const newcomer = await clerk.call('petitioners.lookup', {
      idType: 'resident',
      idNumber: residentId('110105', '19900101', '111'),
      phone: '13812345678',
    });
    expect(newcomer).toEqual({ matches: [], history: null });

    const landline = await clerk.call('petitioners.lookup', { phone: '01066012345' });
    expect(landline.history?.petitioner.name).toBe('单田芳');
  });

  it('history lists visits newest first and matters with their visit counts', async () => {
    const id = residentId('110105', '19650312', '123');
    const first = await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: id });
    const matterId = first.history!.matters[0]!.id;
    hall.clock.now = new Date('2026-11-24T03:00:00Z');
    await clerk.call('visits.register', visitInput({ matterId, summary: '第二次反映' }));
    const h = (await clerk.call('petitioners.lookup', { idType: 'resident', idNumber: id })).history!;
    expect(h.visits.map((v) => [v.summary, v.kind])).toEqual([
      ['第二次反映', 'repeat'],
      ['小区加装电梯补贴未落实', 'first'],
    ]);
    expect(h.matters).toHaveLength(1);
    expect(h.matters[0]).toMatchObject({ visitCount: 2, firstVisitNo: 'LF20261124-0001' });
    expect(h.petitioner.visitCount).toBe(2);
  });

  it('a person without a document is found by name and re-registered by picking them', async () => {
    const [p] = await clerk.call('petitioners.search', { q: 'lwz' });
    expect(p?.name).toBe('李无证');
    const again = await clerk.call(
      'visits.register',
      visitInput({ idType: 'none', idNumber: '', name: '李无证', phone: '', petitionerId: p!.id }),
    );
    expect(again.petitionerId).toBe(p!.id);
  });
});
