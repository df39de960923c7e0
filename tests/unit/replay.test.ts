import { describe, expect, it } from 'vitest';
import {
  TRANSCRIPT_FORMAT,
  answerOrder,
  migrateTranscript,
  replay,
  scoreTranscript,
  storedTranscriptSchema,
  transcriptSchema,
} from '../../src/engine/index.ts';
import type { Transcript } from '../../src/engine/index.ts';
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
    expect(transcriptSchema.safeParse({ ...transcript, formatVersion: 1 }).success).toBe(false);
    expect(transcriptSchema.safeParse({ ...transcript, seed: -1 }).success).toBe(false);
  });

  it('records the order each node’s answers were shown in, a pure function of seed and node', () => {
    const scenario = miniCall();
    const transcript = transcriptOf(scenario, best, { seed: 4242 });
    expect(transcript.seed).toBe(4242);
    for (const event of transcript.events) expect(event.shown.length).toBe(2);
    expect(transcript.events[0]?.shown).toEqual(
      answerOrder(scenario, 4242, 'open', ['listen', 'policy']),
    );
    // The same seed and node always give the same order; the seed changes it.
    const orders = new Set(
      Array.from({ length: 30 }, (_, seed) =>
        answerOrder(scenario, seed, 'open', ['listen', 'policy']).join(','),
      ),
    );
    expect(orders.size).toBe(2);
    expect(replay(scenario, transcript).ok).toBe(true);
  });

  it('refuses a transcript whose recorded order is not the one its seed shows', () => {
    const scenario = miniCall();
    const transcript = transcriptOf(scenario, best, { seed: 4242 });
    const [first, ...rest] = transcript.events;
    if (!first) throw new Error('no events');
    const tampered = {
      ...transcript,
      events: [{ ...first, shown: [...first.shown].reverse() }, ...rest],
    };
    expect(replay(scenario, tampered)).toMatchObject({
      ok: false,
      error: { code: 'orderMismatch', eventIndex: 0 },
    });
    expect(replay(scenario, { ...transcript, seed: 4243 })).toMatchObject({ ok: false });
  });

  it('migrates a transcript recorded before shuffling (format 1) to a seedless one that replays', () => {
    const scenario = miniCall();
    const current: Partial<Transcript> = { ...transcriptOf(scenario, best) };
    delete current.seed; // format 1 had no seed
    const legacy = {
      ...current,
      formatVersion: 1,
      events: (current.events ?? []).map(({ shown: _shown, ...event }) => event),
    };
    expect(transcriptSchema.safeParse(legacy).success).toBe(false);
    const migrated = storedTranscriptSchema.parse(legacy);
    expect(migrated).toMatchObject({ format: TRANSCRIPT_FORMAT, formatVersion: 2, seed: null });
    expect(migrated.events.every((event) => event.shown.length === 0)).toBe(true);
    expect(replay(scenario, migrated).ok).toBe(true);
    expect(migrateTranscript(migrated)).toBe(migrated);
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
