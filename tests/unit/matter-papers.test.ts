// Which papers a matter allows (the one rule the backend and the screens use),
// and the legal sentences the papers print: no remedy against a refusal.
import { describe, expect, it } from 'vitest';
import { MATTER_TEMPLATES, type MatterTemplate } from '@shared/api/schemas/printing';
import { extendedTo, LEGAL } from '@shared/domain/legal-text';
import { DECISIONS, LEGAL_ROUTES, WRITTEN_ANSWER_PAPERS, type Decision } from '@shared/domain/matter';
import { allowedMatterTemplates, matterPaperProblem, matterPaperTitle, type MatterPaperFacts } from '@shared/domain/matter-papers';

const opinion = { facts: '事实', reasons: '理由', decision: '意见', basis: '' };
const facts = (over: Partial<MatterPaperFacts> = {}): MatterPaperFacts => ({
  decision: null,
  extensionDays: null,
  opinion: null,
  reviewOpinion: null,
  recheckOpinion: null,
  supervisionCount: 0,
  ...over,
});

describe('the papers a matter allows', () => {
  const byDecision: Record<Decision, MatterTemplate[]> = {
    answered: [],
    accepted: ['accept_notice'],
    assigned: ['forward_notice', 'assign_sheet'],
    forwarded: ['forward_notice'],
    declined: ['decline_notice'],
    not_again: ['decline_notice'],
    guided: ['guide_notice'],
  };
  it.each(DECISIONS.map((d) => d.code))('after the decision %s', (decision) => {
    expect(allowedMatterTemplates(facts({ decision }))).toEqual(byDecision[decision]);
  });

  it('nothing before a decision (a registered or returned matter)', () => {
    expect(allowedMatterTemplates(facts())).toEqual([]);
  });

  it('a 转送 or 交办 is never printed as this bureau’s 受理', () => {
    for (const decision of ['forwarded', 'assigned'] as const)
      expect(matterPaperProblem('accept_notice', facts({ decision }))).toContain('只有本机关受理');
    expect(matterPaperTitle('forward_notice', { decision: 'assigned' })).toBe('交办告知书');
    expect(matterPaperTitle('forward_notice', { decision: 'forwarded' })).toBe('转送告知书');
    expect(matterPaperTitle('decline_notice', { decision: 'not_again' })).toBe('不再受理告知书');
  });

  it('the papers of later steps follow the steps taken: extension, 督办, opinions', () => {
    const handled = facts({ decision: 'accepted', extensionDays: 20, supervisionCount: 1, opinion });
    expect(allowedMatterTemplates(handled)).toEqual(['accept_notice', 'extension_notice', 'supervise_sheet', 'opinion']);
    const rechecked = facts({ ...handled, reviewOpinion: opinion, recheckOpinion: opinion });
    expect(allowedMatterTemplates(rechecked)).toEqual(expect.arrayContaining(['review_opinion', 'recheck_opinion']));
    expect(matterPaperProblem('review_opinion', handled)).toContain('没有复查意见');
  });

  it('every template has a rule and a title', () => {
    for (const t of MATTER_TEMPLATES) {
      expect(matterPaperProblem(t, facts())).toEqual(expect.any(String));
      expect(matterPaperTitle(t, { decision: 'accepted' })).toMatch(/书|单$/u);
    }
  });

  it('the 引导告知书 is a written answer (its 送达 closes the 15-day clock)', () => {
    expect(WRITTEN_ANSWER_PAPERS).toEqual(
      expect.arrayContaining(['accept_notice', 'forward_notice', 'decline_notice', 'guide_notice', 'opinion']),
    );
  });
});

describe('the legal sentences', () => {
  const refusals = [
    LEGAL.declined('该事项不属于信访事项受理范围'),
    LEGAL.declinedToLegalRoute,
    LEGAL.notAgain('2026-01-05'),
    LEGAL.notAgain(null),
    ...LEGAL_ROUTES.flatMap((r) => [LEGAL.guided(r.label), LEGAL.guidedTimeLimit(r.code, r.label)]),
  ];
  it('a refusal or a guidance offers no 复查 or 复核', () => {
    for (const s of refusals) expect(s).not.toMatch(/复查|复核/u);
  });

  it('a guidance names the route and its time limits', () => {
    expect(LEGAL.guided('向人民法院提起诉讼')).toContain('向人民法院提起诉讼');
    expect(LEGAL.guidedTimeLimit('court', '向人民法院提起诉讼')).toContain('诉讼时效');
    expect(LEGAL.guidedTimeLimit('arbitration', '申请仲裁')).toContain('仲裁时效');
    expect(LEGAL.guidedTimeLimit('reconsideration', '申请行政复议')).toContain('复议申请期限');
  });

  it('the opinions open 复查 then 复核 within 30 days; the 复核意见 is final', () => {
    expect(LEGAL.opinionRemedy).toMatch(/30日.*复查/u);
    expect(LEGAL.reviewRemedy).toMatch(/30日.*复核/u);
    expect(LEGAL.recheckFinal).toContain('不再受理');
    expect(LEGAL.recheckFinal).toContain('最终');
  });

  it('one rule for an extension: 延长N日，至 the stored date', () => {
    expect(extendedTo(30, '2027-02-24')).toBe('延长30日，至2027年02月24日');
    expect(LEGAL.extension('涉及多个部门', '李局长', 30, '2027-02-24')).toContain('延长30日，至2027年02月24日');
  });

  it('quotes no article numbers', () => {
    const all = Object.values(LEGAL).map((v) =>
      typeof v === 'function' ? (v as (...a: unknown[]) => string)('2026-11-24', '某单位', 1, '2026-12-24') : v,
    );
    for (const s of all) expect(s).not.toMatch(/第[一二三四五六七八九十百\d]+条/u);
  });
});
