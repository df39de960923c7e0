// Loaded on demand by the store's import (a dynamic import): zod and the engine's transcript
// schema land in their own chunk, so players who never import a file never download them.
import * as z from 'zod';
import { scoreTranscript } from '../engine/index.ts';
import type { Scenario } from '../engine/index.ts';
// A deep import on purpose: the chunk then holds only the transcript schema, not the loader's.
import { storedTranscriptSchema } from '../engine/replay/transcript.ts';
import {
  HISTORY_FILE_FORMAT,
  HISTORY_FILE_VERSION,
  OLDEST_HISTORY_FILE_VERSION,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_RECORDS,
} from './history-file.ts';
import { historyRecord } from './history-record.ts';
import type { HistoryRecord } from './history-record.ts';

/** Issues quoted per rejected record: enough to find the problem, short enough to read. */
const MAX_ISSUES = 3;

const envelopeSchema = z.object({
  format: z.literal(HISTORY_FILE_FORMAT),
  formatVersion: z.number(),
  records: z.array(z.unknown()).max(MAX_IMPORT_RECORDS),
});

/** The summary in the file is never read: the engine recomputes it from the transcript. */
const recordSchema = z.object({
  id: z.string().min(1).max(100),
  date: z.iso.datetime({ offset: true }),
  // Older transcripts (format 1, before answers were shuffled) are migrated, then checked.
  transcript: storedTranscriptSchema,
});

/** What a history file holds that this game can trust. */
export interface HistoryFileContents {
  /** Valid records, each re-scored by the engine (duplicates not yet removed). */
  readonly records: readonly HistoryRecord[];
  /** One sentence per rejected record, or one for a file that cannot be read at all. */
  readonly errors: readonly string[];
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, MAX_ISSUES)
    .map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(record)'}: ${issue.message}`,
    )
    .join('; ');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function fileError(message: string): HistoryFileContents {
  return { records: [], errors: [message] };
}

/**
 * Reads an exported history without trusting it: the file must be a Service Dojo history of a
 * known version; every record must have an id, an ISO date and a transcript matching the
 * engine's schema, for a scenario in `scenarios`, that replays. Its score is then recomputed by
 * the engine, so a file cannot carry a forged score. Pure: no storage, no clock.
 */
export function readHistoryFile(text: string, scenarios: readonly Scenario[]): HistoryFileContents {
  if (text.length > MAX_IMPORT_CHARS) {
    return fileError(
      `The file is too large (${text.length} characters; at most ${MAX_IMPORT_CHARS}).`,
    );
  }
  const json = parseJson(text);
  if (!json.ok) return fileError(`The file is not valid JSON: ${json.message}`);
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success) {
    return fileError(
      `This is not a Service Dojo history file (expected format "${HISTORY_FILE_FORMAT}" with a records list of at most ${MAX_IMPORT_RECORDS}): ${issuesText(envelope.error)}`,
    );
  }
  const version = envelope.data.formatVersion;
  if (version < OLDEST_HISTORY_FILE_VERSION || version > HISTORY_FILE_VERSION) {
    return fileError(
      `This history file is version ${version}; this game reads versions ${OLDEST_HISTORY_FILE_VERSION} to ${HISTORY_FILE_VERSION}.`,
    );
  }

  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const records: HistoryRecord[] = [];
  const errors: string[] = [];
  envelope.data.records.forEach((raw, index) => {
    const parsed = recordSchema.safeParse(raw);
    const label = `Record ${index + 1}${parsed.success ? ` (id "${parsed.data.id}")` : ''}`;
    if (!parsed.success) {
      errors.push(`${label} does not match the history format: ${issuesText(parsed.error)}`);
      return;
    }
    const { id, date, transcript } = parsed.data;
    const scenario = byId.get(transcript.scenarioId);
    if (!scenario) {
      errors.push(
        `${label}: scenario "${transcript.scenarioId}" is not in this game, so its score cannot be checked.`,
      );
      return;
    }
    const scored = scoreTranscript(scenario, transcript);
    if (!scored.ok) {
      errors.push(`${label}: the transcript does not replay (${scored.error.message}).`);
      return;
    }
    records.push(historyRecord(transcript, scored.scorecard, { id, date }));
  });
  return { records, errors };
}
