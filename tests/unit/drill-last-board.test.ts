import { describe, expect, it } from 'vitest';
import { lastBoards } from '../../src/drill-client/index.ts';
import type { BoardResponse } from '../../src/protocol/index.ts';
import { safeStorage } from '../../src/storage/index.ts';

const memory = () => {
  const map = new Map<string, string>();
  return {
    map,
    store: safeStorage(() => ({
      getItem: (key: string) => map.get(key) ?? null,
      setItem: (key: string, value: string) => {
        map.set(key, value);
      },
    })),
  };
};

const board: BoardResponse = {
  code: 'K7MQ2X',
  title: { en: 'Morning drill' },
  status: 'open',
  scenarios: 2,
  rows: [{ rank: 1, playerId: 'p1', name: 'Mei', total: 100, completed: 1 }],
};

describe('the last board seen', () => {
  it('is recalled per drill after a reload', () => {
    const { store } = memory();
    lastBoards(store).remember(board);
    expect(lastBoards(store).recall('K7MQ2X')).toEqual(board);
    expect(lastBoards(store).recall('ABCDEF')).toBeNull();
  });

  it('ignores stored text that is not a board', () => {
    const { store, map } = memory();
    map.set('service-dojo:last-board:K7MQ2X', '{"rows": "nope"');
    expect(lastBoards(store).recall('K7MQ2X')).toBeNull();
    map.set('service-dojo:last-board:K7MQ2X', JSON.stringify({ ...board, code: 'OTHER1' }));
    expect(lastBoards(store).recall('K7MQ2X')).toBeNull();
  });
});
