import { pinyin } from 'pinyin-pro';

/**
 * Lower-case pinyin initials of a name for search: 张三丰 → zsf, 单田芳 → stf
 * (surname readings), Latin letters kept as their own initial. Characters
 * pinyin-pro does not know (𠮷) are skipped rather than guessed.
 */
export function nameInitials(name: string): string {
  const parts = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' });
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
