import { z } from '../zod-setup';
import { ROLE_CODES, type Role } from '../roles';
import { cleanString, text, uuid } from './common';

export const PASSWORD_MIN = 8;

export const password = cleanString('密码')
  .min(PASSWORD_MIN, `密码至少${PASSWORD_MIN}位`)
  .max(128, '密码不能超过128位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字');

export const username = cleanString('用户名')
  .trim()
  .min(2, '用户名至少2位')
  .max(32, '用户名不能超过32位')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能使用字母、数字、下划线、点和短横线');

export const loginInput = z.object({
  username: cleanString('用户名').trim().min(1, '请填写用户名').max(64),
  password: cleanString('密码').min(1, '请填写密码').max(128),
});

/**
 * The first run also names the bureau for its formal notices (单位名称 and 地址): formal notices
 * are refused until it is set. Optional here only so a hall can be set up by a script and named
 * later in 单位与打印; the first-run screen always asks.
 */
export const firstRunBureauInput = z.object({
  name: text('单位名称', { min: 2, max: 40 }),
  address: text('单位地址', { min: 2, max: 80 }),
});

export const createAdminInput = z.object({
  username,
  displayName: text('姓名', { min: 1, max: 20 }),
  password,
  bureau: firstRunBureauInput.optional(),
});

export const createUserInput = z.object({
  username,
  displayName: text('姓名', { min: 1, max: 20 }),
  role: z.enum(ROLE_CODES, { error: '请选择角色' }),
  password,
});

export const setDisabledInput = z.object({ userId: uuid, disabled: z.boolean() });
export const resetPasswordInput = z.object({ userId: uuid, password });
export const unlockUserInput = z.object({ userId: uuid });
export const changePasswordInput = z.object({ oldPassword: cleanString('原密码').min(1, '请填写原密码'), newPassword: password });

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

export interface UserRow extends CurrentUser {
  disabled: boolean;
  locked: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /** A leader the administrator allowed to open every leader's queue. */
  seesAllQueues: boolean;
}
