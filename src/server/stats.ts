import { PointReason, TIP_IDS, scoreTranscript, textFor } from '../engine/index.ts';
import type { Scorecard, TipId, Transcript } from '../engine/index.ts';
import type { DrillInfo, DrillStats } from '../protocol/index.ts';
import type { Catalogue } from './catalogue.ts';
import { localized } from './catalogue.ts';
import { toCsv } from './csv.ts';
import type { SubmissionRow } from './repository.ts';

/** How many of the hardest moments the dashboard lists. */
const HARDEST_LIMIT = 8;

type TipPercents = Partial<Record<TipId, number | null>>;
const tipsOf = (row: SubmissionRow) => JSON.parse(row.tips) as TipPercents;

/** The full scorecard of a stored result, explanations included: replayed, as it was verified. */
function explained(catalogue: Catalogue, row: SubmissionRow): Scorecard | null {
  const scenario = catalogue.scenarios.get(row.scenarioId)?.scenario;
  if (!scenario) return null;
  const scored = scoreTranscript(scenario, JSON.parse(row.transcript) as Transcript);
  return scored.ok ? scored.scorecard : null;
}

/**
 * Team figures for the trainer: each tip's average over every submission that assessed it, and
 * the moments (scenario, node) where answers lost the most points.
 */
export function drillStats(
  catalogue: Catalogue,
  rows: readonly SubmissionRow[],
  players: number,
): DrillStats {
  const sums = new Map<TipId, { sum: number; count: number }>();
  const moments = new Map<
    string,
    { scenarioId: string; nodeId: string; misses: number; pointsLost: number }
  >();
  for (const row of rows) {
    const tips = tipsOf(row);
    for (const tip of TIP_IDS) {
      const percent = tips[tip];
      if (percent === undefined || percent === null) continue;
      const entry = sums.get(tip) ?? { sum: 0, count: 0 };
      entry.sum += percent;
      entry.count += 1;
      sums.set(tip, entry);
    }
    // Points an answer lost at a node (choices only: whole-call items have no choice).
    const lostAt = new Map<string, number>();
    // A scenario changed since (a new server version) cannot be replayed: its moments are skipped.
    const scorecard = explained(catalogue, row);
    for (const point of scorecard?.points ?? []) {
      if (point.nodeId === null || point.turn === null || point.lost <= 0) continue;
      if (point.choiceId === null && point.reason !== PointReason.answerTime) continue;
      lostAt.set(point.nodeId, (lostAt.get(point.nodeId) ?? 0) + point.lost);
    }
    for (const [nodeId, lost] of lostAt) {
      const key = `${row.scenarioId}\u0000${nodeId}`;
      const entry = moments.get(key) ?? {
        scenarioId: row.scenarioId,
        nodeId,
        misses: 0,
        pointsLost: 0,
      };
      entry.misses += 1;
      entry.pointsLost += lost;
      moments.set(key, entry);
    }
  }
  const tips = Object.fromEntries(
    TIP_IDS.map((tip) => {
      const entry = sums.get(tip);
      return [tip, entry ? Math.round((entry.sum / entry.count) * 10) / 10 : null];
    }),
  ) as Record<TipId, number | null>;
  const hardest = [...moments.values()]
    .sort((a, b) => b.pointsLost - a.pointsLost || b.misses - a.misses)
    .slice(0, HARDEST_LIMIT)
    .map((moment) => {
      const line = catalogue.scenarios.get(moment.scenarioId)?.scenario.nodes[moment.nodeId]?.say;
      return {
        ...moment,
        pointsLost: Math.round(moment.pointsLost * 10) / 10,
        line: line === undefined ? {} : localized(line),
      };
    });
  return { players, submissions: rows.length, tips, hardest };
}

/** The drill's results as CSV: one row per submission, with every tip's percentage. */
export function drillCsv(drill: DrillInfo, rows: readonly SubmissionRow[]): string {
  const header = [
    'drill',
    'player',
    'scenario',
    'attempt',
    'total',
    'grade',
    'outcome',
    'submitted_at',
    ...TIP_IDS.map((tip) => `tip_${tip}`),
  ];
  const titleOf = (id: string) =>
    textFor(drill.scenarios.find((scenario) => scenario.id === id)?.title ?? id, 'en') || id;
  return toCsv([
    header,
    ...rows.map((row) => {
      const tips = tipsOf(row);
      return [
        drill.code,
        row.playerName,
        titleOf(row.scenarioId),
        row.attempt,
        row.total,
        row.grade,
        row.outcome,
        row.submittedAt,
        ...TIP_IDS.map((tip) => tips[tip] ?? null),
      ];
    }),
  ]);
}
