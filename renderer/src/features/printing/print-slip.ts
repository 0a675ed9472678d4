// Printing from any screen: the backend records the job (and audits it); the
// desktop app prints it at once, a browser prints it through a hidden iframe.
import { PRINT_TEMPLATES, type SubmittableTemplate } from '@shared/api/schemas/printing';
import { labelOf } from '@shared/domain/categories';
import { call } from '../../api/client';
import { notifyError, notifySuccess, notifyWarning } from '@lib/notify';

export function printInIframe(route: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0';
    frame.src = `/#${route}`;
    // The print page reports its end (printed or not) or its error; a page that never answers
    // (the browser blocked the dialog) must not leave the button spinning.
    const guard = setTimeout(() => done(new Error('打印页面没有响应，请检查浏览器是否拦截了打印对话框，然后补打')), 120_000);
    const done = (err?: Error) => {
      clearTimeout(guard);
      window.removeEventListener('message', onMessage);
      setTimeout(() => frame.remove(), 1000);
      if (err) reject(err);
      else resolve();
    };
    const onMessage = (e: MessageEvent<{ type?: string; token?: string; message?: string }>) => {
      if (e.origin !== window.location.origin || e.data?.token !== token) return;
      if (e.data.type === 'petition-hall:printed') done();
      else if (e.data.type === 'petition-hall:print-error') done(new Error(e.data.message ?? '打印页面出错'));
    };
    window.addEventListener('message', onMessage);
    document.body.appendChild(frame);
  });
}

export async function printSlip(template: SubmittableTemplate, refId: string, copies = 1): Promise<void> {
  try {
    const r = await call('print.submit', { template, refId, copies });
    const what = `${labelOf(PRINT_TEMPLATES, template)}${r.job.reprint ? '（补打）' : ''}`;
    if (r.mode === 'desktop') {
      if (r.job.status === 'printed') notifySuccess(`${what}已打印`);
      else notifyWarning(`${r.job.error}。登记已保存，可稍后补打。`, `${what}未打印`);
      return;
    }
    try {
      await printInIframe(r.route, r.route.split('/').pop() ?? '');
    } catch (e) {
      const message = e instanceof Error ? e.message : '打印失败';
      await call('print.outcome', { jobId: r.job.id, ok: false, error: message });
      notifyWarning(`${message}。`, `${what}未打印`);
      return;
    }
    await call('print.outcome', { jobId: r.job.id, ok: true });
  } catch (e) {
    notifyError(e, `${labelOf(PRINT_TEMPLATES, template)}未打印`);
  }
}
