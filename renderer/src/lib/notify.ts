import { notifications } from '@mantine/notifications';
import { messageOf } from './form-errors';

/** `id`: a notice that a later success takes away (hideNotice), or that a repeat replaces. */
export function notifyError(e: unknown, title = '操作未完成', id?: string) {
  notifications.show({ id, color: 'red', title, message: messageOf(e), autoClose: 8000 });
}

export function hideNotice(id: string) {
  notifications.hide(id);
}

export function notifySuccess(message: string, title = '已完成') {
  notifications.show({ color: 'green', title, message, autoClose: 4000 });
}

export function notifyWarning(message: string, title = '请注意') {
  notifications.show({ color: 'yellow', title, message, autoClose: 6000 });
}

/** Runs a screen action: a Chinese notice on failure (undefined then), an optional one on success. */
export async function attempt<T>(fn: () => Promise<T>, done?: string): Promise<T | undefined> {
  try {
    const result = await fn();
    if (done) notifySuccess(done);
    return result;
  } catch (e) {
    notifyError(e);
    return undefined;
  }
}
