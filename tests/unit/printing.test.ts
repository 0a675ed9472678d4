// Print jobs on the real store, with a stand-in printer (the one edge we cannot
// reach here), and the Electron print path driven through a fake webContents.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { visitInput, type Client, type TestHall } from '../support/backend';
import { useHall } from '../support/hall';
import { LANE } from '../support/queue';

vi.mock('electron', () => ({ BrowserWindow: class {} }));
const { printWhenReady, pageSize, READY_TITLE } = await import('../../electron/main/printing');

let hall: TestHall;
let clerk: Client;
useHall(async (h) => {
  hall = h;
  clerk = await hall.as('clerk');
});

describe('print jobs', () => {
  it('in a browser: records the job, audits it, marks a second print 补打, and serves the slip by token only', async () => {
    const visit = await clerk.call('visits.register', visitInput());
    const first = await clerk.call('print.submit', { template: 'receipt', refId: visit.id });
    expect(first.mode).toBe('browser');
    expect(first.job).toMatchObject({ template: 'receipt', reprint: false, status: 'pending' });
    await clerk.call('print.outcome', { jobId: first.job.id, ok: true });
    const second = await clerk.call('print.submit', { template: 'receipt', refId: visit.id });
    expect(second.job.reprint).toBe(true);

    const token = first.route.split('/').pop()!;
    // Bound to the clerk who printed it: not readable without that login, nor by another user.
    expect((await hall.backend.call({}, 'print.slip', { token })).ok).toBe(false);
    expect((await hall.admin.fail('print.slip', { token })).message).toBe('该打印凭据属于其他用户，不能读取');
    const slip = await clerk.call('print.slip', { token });
    expect(slip).toMatchObject({ template: 'receipt', reprint: false, visit: { visitNo: visit.visitNo } });
    // One-time: a second read is refused in Chinese.
    expect((await clerk.fail('print.slip', { token })).message).toBe('该打印凭据已使用，请重新打印或预览');
    const log = await clerk.call('print.log', { refId: visit.id });
    expect(log.map((j) => [j.reprint, j.status])).toEqual([
      [true, 'pending'],
      [false, 'printed'],
    ]);
    const audit = await hall.backend.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', visit.id)
      .where('action', 'like', 'print.%')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('a print token expires and guessing one gets nothing', async () => {
    // serve mode has no system printer list: the names are typed.
    expect(await hall.admin.call('print.printers', {})).toEqual({ fromSystem: false, printers: [] });
    const t = await clerk.call('queue.issue', { laneId: LANE.A });
    const r = await clerk.call('print.submit', { template: 'ticket', refId: t.id });
    const token = r.route.split('/').pop()!;
    expect((await hall.backend.call({}, 'print.slip', { token: 'x'.repeat(32) })).ok).toBe(false);
    hall.clock.now = new Date(hall.clock.now.getTime() + 3 * 60_000);
    expect((await clerk.fail('print.slip', { token })).message).toContain('已过期');
  });

  it('on the desktop: a failing printer leaves the registration intact, says why in Chinese, and can be reprinted', async () => {
    let fail = true;
    hall.backend.deps.printer = {
      print: async () => (fail ? { ok: false, message: '打印机不可用（未连接、离线或缺纸）' } : { ok: true }),
      listPrinters: async () => ['RECEIPT-A4', 'TICKET-80'],
    };
    // The administrator picks printers from the system's list on the desktop.
    expect(await hall.admin.call('print.printers', {})).toEqual({ fromSystem: true, printers: ['RECEIPT-A4', 'TICKET-80'] });
    const visit = await clerk.call('visits.register', visitInput());
    const r = await clerk.call('print.submit', { template: 'receipt', refId: visit.id });
    expect(r.mode).toBe('desktop');
    expect(r.job).toMatchObject({ status: 'failed', error: '打印机不可用（未连接、离线或缺纸）', reprint: false });
    expect((await clerk.call('visits.get', { visitId: visit.id })).version).toBe(1);
    fail = false;
    const again = await clerk.call('print.submit', { template: 'receipt', refId: visit.id });
    // The failed one never reached the visitor, so this is not a 补打.
    expect(again.job).toMatchObject({ status: 'printed', reprint: false });
  });
});

class FakeContents extends EventEmitter {
  printed: Electron.WebContentsPrintOptions[] = [];
  constructor(
    private readonly result: [boolean, string],
    private readonly printers = [{ name: 'TICKET-80' }],
  ) {
    super();
  }
  getPrintersAsync() {
    return Promise.resolve(this.printers);
  }
  print(options: Electron.WebContentsPrintOptions, cb: (ok: boolean, reason: string) => void) {
    this.printed.push(options);
    cb(...this.result);
  }
}

describe('Electron print path', () => {
  const job = { paper: '80mm' as const, printer: 'TICKET-80', silent: true, copies: 2 };

  it('prints only after the page signals it is ready, silently to the configured printer at 80 mm', async () => {
    const wc = new FakeContents([true, '']);
    const done = printWhenReady(wc, job);
    wc.emit('page-title-updated', {}, '信访接待大厅');
    expect(wc.printed).toHaveLength(0);
    wc.emit('page-title-updated', {}, READY_TITLE);
    expect(await done).toEqual({ ok: true });
    expect(wc.printed[0]).toMatchObject({ silent: true, deviceName: 'TICKET-80', copies: 2, pageSize: { width: 80_000, height: 200_000 } });
    expect(pageSize('A4')).toBe('A4');
  });

  it('a missing printer, a printer error and a page error each come back as a clear Chinese message', async () => {
    const missing = new FakeContents([true, ''], [{ name: 'OTHER' }]);
    const p1 = printWhenReady(missing, job);
    missing.emit('page-title-updated', {}, READY_TITLE);
    expect(await p1).toEqual({ ok: false, message: '找不到打印机“TICKET-80”，请检查连接或在打印设置中重新选择' });
    expect(missing.printed).toHaveLength(0);

    const offline = new FakeContents([false, 'Print job failed: printer offline']);
    const p2 = printWhenReady(offline, job);
    offline.emit('page-title-updated', {}, READY_TITLE);
    expect(await p2).toEqual({ ok: false, message: '打印机不可用（未连接、离线或缺纸）' });

    const broken = new FakeContents([true, '']);
    const p3 = printWhenReady(broken, job);
    broken.emit('page-title-updated', {}, 'print-error:打印任务不存在或已过期，请重新打印');
    expect(await p3).toEqual({ ok: false, message: '打印任务不存在或已过期，请重新打印' });
  });
});
