/**
 * Which page the address asks for. Kept tiny and free of imports: `src/main.ts` reads it before
 * deciding what to download (the game, or the trainer's DOM pages).
 */
export const PageQuery = {
  /** `/?trainer`: the trainer dashboard. */
  trainer: 'trainer',
  /** `/?board=CODE`: the projector view of a drill's live board. */
  board: 'board',
  /** `/?join=CODE`: the game, opening the join screen (the protocol's JOIN_QUERY; not imported,
   * as the protocol brings zod into the first download). */
  join: 'join',
} as const;

export type PageView =
  | { readonly kind: 'game'; readonly join: boolean }
  | { readonly kind: 'trainer' }
  | { readonly kind: 'board'; readonly code: string };

export function pageView(search: string): PageView {
  const query = new URLSearchParams(search);
  if (query.has(PageQuery.trainer)) return { kind: 'trainer' };
  const board = query.get(PageQuery.board);
  if (board !== null) return { kind: 'board', code: board.trim().toUpperCase() };
  return { kind: 'game', join: query.has(PageQuery.join) };
}
