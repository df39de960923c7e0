import { describe, expect, it } from 'vitest';
import { replay, scoreTranscript, transcriptSchema } from '../../src/engine/index.ts';
import { editedMiniCall, loadValid, miniCall } from '../support/fixtures.ts';
import { choose, silence, transcriptOf } from '../support/transcripts.ts';

const best = [choose('listen'), choose('apologise'), choose('refund-today'), choose('call-back')];

describe('replay', () => {
  it('replays to the same states and scorecard every time', () => {
    const scenario = miniCall();
    const transcript = transcriptOf(scenario, [
      silence(),
      choose('listen', 15_000),
      choose('apologise'),
      choose('voucher'),
      choose('goodbye'),
    ]);
    const first = replay(scenario, transcript);
    const second = replay(miniCall(), JSON.parse(JSON.stringify(transcript)) as typeof transcript);
    expect(first.ok && first.result.states).toEqual([
      'open',
      'sorry',
      'offer',
      'followup',
      'resolved',
    ]);
    expect(second.ok && second.result.states).toEqual(first.ok && first.result.states);
    expect(scoreTranscript(scenario, transcript)).toEqual(scoreTranscript(miniCall(), transcript));
  });

  it('round-trips through the transcript schema', () => {
    const transcript = transcriptOf(miniCall(), best, { locale: 'zh-Hans' });
    expect(transcriptSchema.parse(JSON.parse(JSON.stringify(transcript)))).toEqual(transcript);
    expect(
      transcriptSchema.safeParse({
        ...transcript,
        events: [{ type: 'CHOOSE', choiceId: 'x', elapsedMs: -1 }],
      }).success,
    ).toBe(false);
    expect(transcriptSchema.safeParse({ ...transcript, formatVersion: 2 }).success).toBe(false);
  });

  it('detects a changed scenario by its hash, and a wrong id or version', () => {
    const transcript = transcriptOf(miniCall(), best);
    const changed = loadValid(
      editedMiniCall('meters: { anger: -20, trust: 10 }', 'meters: { anger: -25, trust: 10 }'),
    );
    const outcome = replay(changed, transcript);
    expect(!outcome.ok && outcome.error.code).toBe('hashMismatch');
    expect(!outcome.ok && outcome.error.message).toContain(
      'has changed since this transcript was recorded',
    );
    const bumped = loadValid(editedMiniCall('version: 1', 'version: 2'));
    expect(replay(bumped, transcript)).toMatchObject({
      ok: false,
      error: { code: 'versionMismatch' },
    });
    expect(replay(miniCall(), { ...transcript, scenarioId: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'scenarioMismatch' },
    });
  });

  it('refuses an event the machine would not accept, naming what was on offer', () => {
    const outcome = replay(
      miniCall(),
      transcriptOf(miniCall(), [choose('listen'), choose('call-back')]),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'eventRejected', eventIndex: 1 } });
    expect(!outcome.ok && outcome.error.message).toBe(
      'event 2: choice "call-back" is not possible at "sorry" (on offer: apologise, blame-bank)',
    );
    const untimed = replay(miniCall(), transcriptOf(miniCall(), [silence()], { timed: false }));
    expect(untimed).toMatchObject({ ok: false, error: { code: 'eventRejected' } });
  });

  it('refuses events after the call ended', () => {
    const outcome = replay(
      miniCall(),
      transcriptOf(miniCall(), [choose('policy'), choose('listen')]),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'afterEnd', eventIndex: 1 } });
  });

  it('reports an unfinished call as having no ending', () => {
    const outcome = replay(miniCall(), transcriptOf(miniCall(), [choose('listen')]));
    expect(outcome.ok && outcome.result.endingId).toBeNull();
  });
});
