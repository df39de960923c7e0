import {
  CRITICAL_ERRORS,
  CallEventType,
  PointReason,
  scoreTranscript,
  storedTranscriptSchema,
  textFor,
} from '../../engine/index.ts';
import type { Scorecard, Transcript } from '../../engine/index.ts';
import { readText } from '../files.ts';
import { ExitCode, UsageError } from '../io.ts';
import type { Io } from '../io.ts';
import { loadOne } from './explore.ts';

function readTranscript(
  file: string,
): { ok: true; transcript: Transcript } | { ok: false; message: string } {
  let text: string;
  try {
    text = readText(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  // A recorded fixture wraps the transcript with what it replays to; a game export is bare.
  const candidate =
    json !== null && typeof json === 'object' && 'transcript' in json ? json.transcript : json;
  const parsed = storedTranscriptSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `${file} is not a Service Dojo transcript: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'unknown shape'}`,
    };
  }
  return { ok: true, transcript: parsed.data };
}

function summary(card: Scorecard): string[] {
  const lines = [
    `${card.scenarioId} v${String(card.scenarioVersion)}: ${String(card.total)}/100, grade ${card.grade}${card.outcome.endingId ? ` (${card.outcome.endingId}, ${card.outcome.outcome ?? ''})` : ' (unfinished)'}`,
  ];
  for (const hit of card.criticalErrors) {
    lines.push(
      `  critical error at turn ${String(hit.turn + 1)} (${hit.choiceId}): ${textFor(CRITICAL_ERRORS[hit.error].name, 'en')} — capped at ${String(card.cap)}`,
    );
  }
  const parts = Object.entries(card.components)
    .map(([part, points]) => `${part} ${points.toFixed(1)}`)
    .join(', ');
  lines.push(`  parts: ${parts}; penalties −${card.penalties.toFixed(1)}`);
  const deductions = card.points.filter((point) => point.component === 'penalty' && point.lost > 0);
  for (const point of deductions) {
    if (point.reason === PointReason.criticalError) continue;
    lines.push(
      `  −${point.lost.toFixed(1)} ${point.reason}${point.turn === null ? '' : ` at turn ${String(point.turn + 1)}`}`,
    );
  }
  return lines;
}

/**
 * `service-dojo score <scenario.yaml> <transcript.json>`: replays a recorded call through the
 * engine — its seed's answer order checked at every turn — and prints the scorecard the game and
 * the drill server compute.
 */
export function score(args: readonly string[], json: boolean, io: Io): ExitCode {
  if (args.length !== 2)
    throw new UsageError(
      'score takes a scenario file and a transcript, e.g. `service-dojo score scenarios/charged-twice.yaml call.json`',
    );
  const [scenarioFile, transcriptFile] = args as [string, string];
  const scenario = loadOne(scenarioFile, io);
  if (!scenario) return ExitCode.problems;
  const read = readTranscript(transcriptFile);
  if (!read.ok) {
    io.out(
      json
        ? `${JSON.stringify({ ok: false, error: { code: 'badTranscript', message: read.message } }, null, 2)}\n`
        : `${read.message}\n`,
    );
    return ExitCode.problems;
  }
  const result = scoreTranscript(scenario, read.transcript);
  if (json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return result.ok ? ExitCode.clean : ExitCode.problems;
  }
  if (!result.ok) {
    io.out(`${transcriptFile}: ${result.error.message}\n`);
    return ExitCode.problems;
  }
  const turns = read.transcript.events.map((event) =>
    event.type === CallEventType.choose ? event.choiceId : '(silence)',
  );
  io.out(
    `${[...summary(result.scorecard), `  seed ${read.transcript.seed === null ? 'none (recorded before shuffling)' : String(read.transcript.seed)}: ${turns.join(' → ')}`].join('\n')}\n`,
  );
  return ExitCode.clean;
}
