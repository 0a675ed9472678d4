import type { APIRequestContext, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** The bureau named at first run (the notices' specs expect this name on paper). */
export const BUREAU = { name: '某某区信访局', address: '某某区人民路1号' };
export const ADMIN = { username: 'admin', displayName: '王管理', password: 'Admin2026pass' };
export const CLERK = { username: 'clerk1', displayName: '李登记', initial: 'Start2026pw', password: 'Clerk2026pass' };
export const CLERK_STATE = 'tests/e2e/.data/clerk-state.json';

/** Screenshots we look at after each run (test-results/screens). */
export async function snap(page: Page, name: string) {
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** A valid resident ID number (GB 11643 check character computed). */
export function residentId(area: string, birth: string, seq: string): string {
  const body = `${area}${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

export async function login(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Calls the API with a page's or context's cookies; throws with the Chinese message on failure. */
export async function api<T>(request: APIRequestContext, method: string, data: unknown): Promise<T> {
  const body = (await (await request.post(`/api/${method}`, { data })).json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data;
}

/** Names take no digits: a run's stamp in Chinese numerals keeps each run's people and leaders apart. */
export function runTag(): { stamp: string; tag: string } {
  const stamp = String(Date.now()).slice(-6);
  return { stamp, tag: [...stamp.slice(-2)].map((d) => '零一二三四五六七八九'[Number(d)]).join('') };
}
