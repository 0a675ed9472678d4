import { describe, expect, it } from 'vitest';
import { NAV, matchesNav, navFor, shortcutOf } from '../../renderer/src/app/nav';
import { pinyin } from 'pinyin-pro';

describe('the menu', () => {
  it('carries the pinyin initials of each label', () => {
    // Not nameInitials: 单位 is dānwèi here, not the surname Shàn.
    for (const n of NAV) expect(n.initials, n.label).toBe(pinyin(n.label, { pattern: 'first', toneType: 'none', separator: '' }));
  });

  it('filters by Chinese text and by initials', () => {
    const due = NAV.find((n) => n.path === '/due')!;
    expect(matchesNav(due, '期限')).toBe(true);
    expect(matchesNav(due, 'qxtx')).toBe(true);
    expect(matchesNav(due, 'QX')).toBe(true);
    expect(matchesNav(due, '登记')).toBe(false);
    expect(matchesNav(due, 'lfdj')).toBe(false);
  });

  it('numbers the shortcuts in menu order, nine at most', () => {
    const clerk = navFor('clerk');
    expect(clerk[0]!.label).toBe('来访登记');
    expect(shortcutOf(0)).toBe('Alt+1');
    expect(shortcutOf(8)).toBe('Alt+9');
    expect(shortcutOf(9)).toBeNull();
  });
});
