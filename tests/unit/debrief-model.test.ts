import { describe, expect, it } from 'vitest';
import { explore, scoreTranscript } from '../../src/engine/index.ts';
import type { CallEvent } from '../../src/engine/index.ts';
import { debriefModel } from '../../src/game/debrief/model.ts';
import { miniCall } from '../support/fixtures.ts';
import { choose, transcriptOf } from '../support/transcripts.ts';

function model(events: CallEvent[], locale: 'en' | 'zh-Hans' = 'en') {
  const scenario = miniCall();
  const transcript = transcriptOf(scenario, events, { locale });
  const scored = scoreTranscript(scenario, transcript);
  if (!scored.ok) throw new Error(scored.error.message);
  const best = explore(scenario).best?.events ?? [];
  return debriefModel(scenario, scored.scorecard, transcript, best, locale);
}

describe('the debrief model', () => {
  it('names a critical error first, with its turn, the cap and the article’s line', () => {
    const { critical, turns } = model(
      [choose('listen'), choose('blame-bank'), choose('refund-today')],
      'zh-Hans',
    );
    expect(critical).toEqual({
      name: '推卸责任、踢皮球',
      turn: 2,
      cap: 74,
      principle: expect.objectContaining({ source: '003 3. 讓感恩代替憤怒' }) as unknown,
    });
    expect(turns.map((turn) => turn.critical)).toEqual([null, '推卸责任、踢皮球', null]);
    const clean = model([
      choose('listen'),
      choose('apologise'),
      choose('refund-today'),
      choose('call-back'),
    ]);
    expect(clean.critical).toBeNull();
  });

  it('greys tips the scenario never assesses and names every spoke in the locale', () => {
    const { radar } = model(
      [choose('listen'), choose('apologise'), choose('refund-today'), choose('call-back')],
      'zh-Hans',
    );
    expect(radar).toHaveLength(10);
    expect(radar.find((spoke) => spoke.tip === 'flexibleMind')).toEqual({
      tip: 'flexibleMind',
      name: '脑筋活一点',
      percent: null,
    });
    expect(radar.find((spoke) => spoke.tip === 'tolerance')?.percent).toBe(100);
  });

  it('marks the steps performed, with their turn and whether they came in order', () => {
    const { steps } = model([
      choose('listen'),
      choose('apologise'),
      choose('voucher'),
      choose('goodbye'),
    ]);
    expect(steps.map((mark) => [mark.step, mark.turn, mark.inOrder])).toEqual([
      ['vent', 1, true],
      ['apologise', 2, true],
      ['ask', 3, true],
      ['followUp', null, false],
    ]);
  });

  it('annotates every turn with points, the principle quoted, and the best answer when it differs', () => {
    const { turns, interruptions } = model([choose('policy')], 'zh-Hans');
    expect(interruptions).toBe(1);
    expect(turns).toHaveLength(1);
    const [turn] = turns;
    expect(turn?.answer).toBe('按规定退款要七天。');
    expect(turn?.lost).toBeGreaterThan(0);
    expect(turn?.principle?.source).toMatch(/^00\d /);
    expect(turn?.principle?.text).toMatch(/[\u4e00-\u9fff]/);
    expect(turn?.bestAnswer).toBe('【倾听】嗯，您说。');
  });

  it('shows no best answer where the trainee already gave it', () => {
    const { turns } = model([
      choose('listen'),
      choose('blame-bank'),
      choose('voucher'),
      choose('goodbye'),
    ]);
    expect(turns[0]?.bestAnswer).toBeNull();
    expect(turns[1]?.bestAnswer).toBe("I'm sorry. You were charged twice, is that right?");
  });
});
