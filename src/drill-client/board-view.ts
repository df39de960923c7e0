import type { BoardResponse } from '../protocol/index.ts';

/** The words a board shows, in the page's language (the caller's i18n provides them). */
export interface BoardLabels {
  readonly caption: string;
  readonly rank: string;
  readonly name: string;
  readonly total: string;
  readonly completed: string;
  readonly empty: string;
  /** "2 / 5" style progress: scenarios done of the drill's count. */
  readonly progress: (done: number, of: number) => string;
}

/**
 * A live board as a table, built from text nodes only: display names come from other players
 * and are never parsed as HTML. Returns the table element, to be placed once and re-rendered.
 */
export function boardTable(labels: BoardLabels): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'drill-board';
  const caption = table.createCaption();
  caption.textContent = labels.caption;
  const head = table.createTHead().insertRow();
  for (const [text, kind] of [
    [labels.rank, 'rank'],
    [labels.name, 'name'],
    [labels.total, 'total'],
    [labels.completed, 'completed'],
  ] as const) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.className = kind;
    cell.textContent = text;
    head.append(cell);
  }
  table.createTBody();
  return table;
}

/** Fills the table's body with the board's rows, marking `highlight` (the player's own row). */
export function renderBoard(
  table: HTMLTableElement,
  board: BoardResponse,
  labels: BoardLabels,
  highlight?: string,
): void {
  const body = table.tBodies[0] ?? table.createTBody();
  const rows = board.rows.map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.playerId = row.playerId;
    if (row.playerId === highlight) tr.className = 'me';
    const cells = [
      String(row.rank),
      row.name,
      String(Math.round(row.total * 10) / 10),
      labels.progress(row.completed, board.scenarios),
    ];
    cells.forEach((text, index) => {
      const cell = document.createElement(index === 1 ? 'th' : 'td');
      if (index === 1) cell.scope = 'row';
      cell.className = ['rank', 'name', 'total', 'completed'][index] ?? '';
      cell.textContent = text;
      tr.append(cell);
    });
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const cell = document.createElement('td');
    cell.colSpan = 4;
    cell.className = 'empty';
    cell.textContent = labels.empty;
    tr.append(cell);
    rows.push(tr);
  }
  body.replaceChildren(...rows);
}
