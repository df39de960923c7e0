/** The drill API's wire format, shared by the game (client) and the drill server. */
export * from './drill-api.ts';
export * from './display-name.ts';
