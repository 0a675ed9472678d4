// The bureau named on every paper (单位与打印): set at first run or by the administrator.
// Kept apart from the print jobs so account setup can write it without importing printing.
import { bureauInput, DEFAULT_BUREAU, type Bureau } from '@shared/api/schemas/printing';
import type { Actor, Deps } from '../../context';
import type { Executor } from '../../db/connection';
import { getSetting, saveSetting } from '../settings-store';

export const getBureau = (db: Executor) => getSetting(db, 'bureau', bureauInput, DEFAULT_BUREAU);
export const saveBureau = (deps: Deps, actor: Actor, v: Bureau) => saveSetting(deps, actor, 'bureau', v, getBureau);

/** Whether the administrator has named the bureau (at first run or in 单位与打印): a formal notice never goes out as 某某区信访局. */
export async function bureauIsSet(db: Executor): Promise<boolean> {
  return (await db.selectFrom('settings').select('key').where('key', '=', 'bureau').executeTakeFirst()) !== undefined;
}

export const BUREAU_UNSET = '尚未设置本单位名称和地址，告知书不能打印。请管理员在“单位与打印”中填写后再打印';
