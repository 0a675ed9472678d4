// axe-core in the e2e run (issue 16): WCAG 2.0/2.1 A and AA rules on a screen as a
// person sees it; a serious or critical violation is reported with the screen's
// Chinese name, the rule and the element, so a failing run says where to look.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per failing element: "来访登记（管理员，1600×1000） color-contrast serious .mantine-Badge-root". */
export async function axeViolations(page: Page, screen: string, allow?: Allowance): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const size = page.viewportSize();
  const where = size ? `${screen}（${size.width}×${size.height}）` : screen;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes
        .filter((n) => !(allow && v.id === allow.rule && n.target.join(' ').endsWith(allow.targetEnd)))
        .map((n) => `${where} ${v.id} ${v.impact} ${n.target.join(' ')}${n.failureSummary ? ` — ${firstLine(n.failureSummary)}` : ''}`),
    );
}

/** One rule on one element, excused where the check is made, with the reason written there. */
export interface Allowance {
  rule: string;
  targetEnd: string;
}

function firstLine(summary: string): string {
  return (
    summary
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('Fix '))[0] ?? ''
  );
}
