// Printing from any screen: the backend records the job (and audits it); the
// desktop app prints it at once, a browser prints it through a hidden iframe.
import { PRINT_TEMPLATES, type PrintTemplate } from '../../../../shared/api/schemas/printing';
import { labelOf } from '../../../../shared/domain/categories';
import { call } from '../../api/client';
import { notifyError, notifySuccess, notifyWarning } from '../../lib/notify';


function printInIframe(route: string, token: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0';
    frame.src = `/#${route}`;
    const onMessage = (e: MessageEvent<{ type?: string; token?: string }>) => {
      if (e.origin !== window.location.origin || e.data?.type !== 'petition-hall:printed' || e.data.token !== token) return;
      window.removeEventListener('message', onMessage);
      setTimeout(() => frame.remove(), 1000);
      resolve();
    };
    window.addEventListener('message', onMessage);
    document.body.appendChild(frame);
  });
}

export async function printSlip(template: PrintTemplate, refId: string, copies = 1): Promise<void> {
  try {
    const r = await call('print.submit', { template, refId, copies });
    const what = `${labelOf(PRINT_TEMPLATES, template)}${r.job.reprint ? '（补打）' : ''}`;
    if (r.mode === 'desktop') {
      if (r.job.status === 'printed') notifySuccess(`${what}已打印`);
      else notifyWarning(`${r.job.error}。登记已保存，可稍后补打。`, `${what}未打印`);
      return;
    }
    await printInIframe(r.route, r.route.split('/').pop() ?? '');
    await call('print.outcome', { jobId: r.job.id, ok: true });
  } catch (e) {
    notifyError(e, `${labelOf(PRINT_TEMPLATES, template)}未打印`);
  }
}
