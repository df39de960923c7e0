/**
 * The browser side of team drills, shared by the game (players) and the dashboard (trainers):
 * the typed API client, the live board stream, the queue's sender and sync, and join links.
 * No Phaser here, and nothing that draws except the board view both screens show.
 */
export { DrillApi, FailureKind } from './api-client.ts';
export type { ApiFailure, ApiResult, DrillApiOptions, FetchLike } from './api-client.ts';
export { StreamState, followBoard } from './board-stream.ts';
export type { BoardListener, EventSourceFactory } from './board-stream.ts';
export { SubmissionSync, submissionSender } from './submission-sync.ts';
export type { Acknowledgement, SyncEnvironment } from './submission-sync.ts';
export {
  TOKEN_FRAGMENT,
  playerTokens,
  readJoinLink,
  rejoinLink,
  withoutToken,
} from './player-link.ts';
export type { JoinLink, PlayerTokens } from './player-link.ts';
export { localized } from './localized.ts';
export { boardTable, renderBoard } from './board-view.ts';
export type { BoardLabels } from './board-view.ts';
export { lastBoards } from './last-board.ts';
export { el } from './dom.ts';
