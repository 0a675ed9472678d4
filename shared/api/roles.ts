export const ROLES = [
  { code: 'clerk', label: '登记员' },
  { code: 'leader', label: '接访领导' },
  { code: 'admin', label: '管理员' },
] as const;

export type Role = (typeof ROLES)[number]['code'];
export const ROLE_CODES = ROLES.map((r) => r.code) as [Role, ...Role[]];

export function roleLabel(role: Role): string {
  return ROLES.find((r) => r.code === role)?.label ?? role;
}
