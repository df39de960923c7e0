import { AnswerOrder, callSeed, scoreTranscript } from '../engine/index.ts';
import type { Scorecard } from '../engine/index.ts';
import { ApiErrorCode } from '../protocol/index.ts';
import type { DrillInfo, SubmissionRequest } from '../protocol/index.ts';
import type { Catalogue } from './catalogue.ts';
import { fail } from './errors.ts';

/**
 * Replays a submitted transcript through the engine and returns the scorecard the server stores:
 * the client's word counts for nothing. Refuses, with a sentence the player can act on, a
 * scenario outside the drill, a version or hash the drill does not use, the wrong timer setting,
 * a transcript that does not replay, and a call that has not ended.
 */
export function verifySubmission(
  catalogue: Catalogue,
  drill: DrillInfo,
  request: SubmissionRequest,
): Scorecard {
  const { transcript } = request;
  const ref = drill.scenarios.find((scenario) => scenario.id === transcript.scenarioId);
  if (!ref) {
    return fail(
      ApiErrorCode.unknownScenario,
      `"${transcript.scenarioId}" is not one of this drill's scenarios (${drill.scenarios.map((entry) => entry.id).join(', ')})`,
    );
  }
  if (transcript.scenarioVersion !== ref.version || transcript.scenarioHash !== ref.hash) {
    return fail(
      ApiErrorCode.scenarioMismatch,
      `this drill uses version ${String(ref.version)} of "${ref.id}" (hash ${ref.hash}), but the transcript was played on version ${String(transcript.scenarioVersion)} (hash ${transcript.scenarioHash}): reload the game and play it again`,
    );
  }
  const entry = catalogue.scenarios.get(ref.id);
  if (entry?.ref.hash !== ref.hash || entry.ref.version !== ref.version) {
    return fail(
      ApiErrorCode.scenarioMismatch,
      `this server no longer has version ${String(ref.version)} of "${ref.id}": ask the trainer to open a new drill`,
    );
  }
  if (transcript.timed !== drill.timers) {
    return fail(
      ApiErrorCode.transcriptRejected,
      `this drill is played with answer timers ${drill.timers ? 'on' : 'off'}, but the call was played with them ${transcript.timed ? 'on' : 'off'}`,
    );
  }
  if (transcript.seed === null) {
    return fail(
      ApiErrorCode.transcriptRejected,
      'this call was recorded before answers were shuffled: play it again',
    );
  }
  if (drill.answerOrder === AnswerOrder.team && drill.answerSeed !== null) {
    const expected = callSeed(drill.answerSeed, ref.id);
    if (transcript.seed !== expected) {
      return fail(
        ApiErrorCode.transcriptRejected,
        `this drill shows the whole team the answers in one order (seed ${String(expected)} for "${ref.id}"), but the call was played with seed ${String(transcript.seed)}: reload the game and play it again`,
      );
    }
  }
  // The explanation of every point is left out here (stats replay it when a trainer asks).
  const scored = scoreTranscript(entry.scenario, transcript, { explain: false });
  if (!scored.ok) {
    return fail(
      ApiErrorCode.transcriptRejected,
      `the transcript does not replay: ${scored.error.message}`,
    );
  }
  if (scored.scorecard.outcome.endingId === null) {
    return fail(
      ApiErrorCode.transcriptRejected,
      'the transcript stops before the call ends: only finished calls count',
    );
  }
  return scored.scorecard;
}
