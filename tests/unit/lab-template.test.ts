import { describe, expect, it } from 'vitest';
import { explore, formatProblem, loadScenario, QUALITY_BAR } from '../../src/engine/index.ts';
import { exploreScenario } from '../../src/lab/explorer-summary.ts';
import { STARTER_TEMPLATE } from '../../src/lab/template.ts';

describe('the Lab starter template', () => {
  it('loads with no problems, in English and Simplified Chinese', () => {
    const result = loadScenario(STARTER_TEMPLATE, 'draft.yaml');
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.ok && result.value.locales).toEqual(['en', 'zh-Hans']);
  });

  it('teaches with comments and shows every step', () => {
    expect(
      STARTER_TEMPLATE.split('\n').filter((line) => line.includes('#')).length,
    ).toBeGreaterThan(15);
    for (const step of ['vent', 'apologise', 'ask', 'followUp'])
      expect(STARTER_TEMPLATE).toContain(`step: ${step}`);
  });

  it('has a best and a worst path far apart, as the explorer sees it', () => {
    const result = loadScenario(STARTER_TEMPLATE, 'draft.yaml');
    if (!result.ok) throw new Error('template invalid');
    const report = explore(result.value);
    expect(report.best?.total).toBeGreaterThanOrEqual(QUALITY_BAR.bestAtLeast);
    expect(report.worst?.total).toBeLessThanOrEqual(QUALITY_BAR.worstAtMost);
  });
});

describe('the Lab explorer summary (what the worker posts)', () => {
  it('summarises best, worst, endings and tips as plain data', () => {
    const loaded = loadScenario(STARTER_TEMPLATE, 'draft.yaml');
    if (!loaded.ok) throw new Error('template invalid');
    const summary = exploreScenario(structuredClone(loaded.value));
    expect(summary.ok).toBe(true);
    if (!summary.ok) return;
    expect(summary.best?.endingId).toBe('resolvedWithFollowUp');
    expect(summary.best?.answers).toEqual(['listen', 'apologise', 'send-today', 'call-back']);
    expect(summary.best?.states[0]).toBe('open');
    expect(Object.keys(summary.endings).sort()).toEqual([
      'escalated',
      'hungUp',
      'resolved',
      'resolvedWithFollowUp',
    ]);
    expect(summary.tipsExercised).toContain('actFast');
    expect(structuredClone(summary)).toEqual(summary);
  });
});
