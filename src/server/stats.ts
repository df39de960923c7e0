import {
  PointReason,
  TIP_IDS,
  migrateTranscript,
  scoreTranscript,
  textFor,
} from '../engine/index.ts';
import type { TipId, Transcript } from '../engine/index.ts';
import type { DrillInfo, DrillStats } from '../protocol/index.ts';
import type { Catalogue } from './catalogue.ts';
import { localized } from './catalogue.ts';
import { toCsv } from './csv.ts';
import type { SubmissionRow } from './repository.ts';

/** How many of the hardest moments the dashboard lists. */
const HARDEST_LIMIT = 8;

type TipPercents = Partial<Record<TipId, number | null>>;
const tipsOf = (row: SubmissionRow) => JSON.parse(row.tips) as TipPercents;

/** How many submissions' lost points are kept in memory (a few hundred bytes each). */
const LOST_CACHE_LIMIT = 50_000;
/**
 * Points each stored result lost per node, by submission. A result never changes once stored,
 * and the dashboard asks for stats after every burst on the board: each transcript is replayed
 * once, not once per request.
 */
const lostCache = new Map<string, ReadonlyMap<string, number>>();

/** Points a stored result lost at each node (answers only), from its replayed, explained card. */
function lostByNode(catalogue: Catalogue, row: SubmissionRow): ReadonlyMap<string, number> {
  const key = `${row.playerId}\u0000${row.scenarioId}\u0000${String(row.attempt)}`;
  const cached = lostCache.get(key);
  if (cached) return cached;
  const lostAt = new Map<string, number>();
  // A scenario changed since (a new server version) cannot be replayed: its moments are skipped.
  const scenario = catalogue.scenarios.get(row.scenarioId)?.scenario;
  // Results stored before answers were shuffled are read in the current format.
  const stored = migrateTranscript(JSON.parse(row.transcript)) as Transcript;
  const scored = scenario && scoreTranscript(scenario, stored);
  for (const point of scored?.ok === true ? scored.scorecard.points : []) {
    if (point.nodeId === null || point.turn === null || point.lost <= 0) continue;
    // Whole-call items have no choice; a slow answer counts as a moment too.
    if (point.choiceId === null && point.reason !== PointReason.answerTime) continue;
    lostAt.set(point.nodeId, (lostAt.get(point.nodeId) ?? 0) + point.lost);
  }
  if (lostCache.size >= LOST_CACHE_LIMIT) lostCache.delete(lostCache.keys().next().value ?? '');
  lostCache.set(key, lostAt);
  return lostAt;
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
    for (const [nodeId, lost] of lostByNode(catalogue, row)) {
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
