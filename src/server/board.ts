import type { BoardResponse, BoardRow, DrillInfo } from '../protocol/index.ts';
import type { Repository } from './repository.ts';

type Standing = Awaited<ReturnType<Repository['standings']>>[number];

/**
 * Ranks players: higher total first; on a tie, more scenarios done, then whoever got there first.
 * Equal totals share a rank ("1, 2, 2, 4").
 */
export function rank(standings: readonly Standing[]): BoardRow[] {
  const sorted = [...standings].sort(
    (a, b) =>
      b.total - a.total ||
      b.completed - a.completed ||
      (a.lastAt ?? '\uffff').localeCompare(b.lastAt ?? '\uffff') ||
      a.name.localeCompare(b.name),
  );
  let rankOfPrevious = 0;
  return sorted.map((standing, index) => {
    const previous = sorted[index - 1];
    const rankHere = previous?.total === standing.total ? rankOfPrevious : index + 1;
    rankOfPrevious = rankHere;
    return {
      rank: rankHere,
      playerId: standing.playerId,
      name: standing.name,
      total: standing.total,
      completed: standing.completed,
    };
  });
}

/** The live board of a drill, as the API and the event stream send it. */
export async function boardOf(repository: Repository, drill: DrillInfo): Promise<BoardResponse> {
  return {
    code: drill.code,
    title: drill.title,
    status: drill.status,
    scenarios: drill.scenarios.length,
    rows: rank(await repository.standings(drill.code)),
  };
}
