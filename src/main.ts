import { startGame } from './game/index.ts';

startGame('game', 'mirror', 'captions');
