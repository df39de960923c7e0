import { describe, expect, it } from 'vitest';
import {
  DrillApi,
  FailureKind,
  StreamState,
  followBoard,
  localized,
  playerTokens,
  readJoinLink,
  rejoinLink,
  withoutToken,
} from '../../src/drill-client/index.ts';
import type { EventSourceFactory, FetchLike } from '../../src/drill-client/index.ts';
import { TIP_IDS } from '../../src/engine/index.ts';
import { ApiRoute, BoardEvent } from '../../src/protocol/index.ts';
import type { BoardResponse } from '../../src/protocol/index.ts';
import { safeStorage } from '../../src/storage/index.ts';
import { lobbyModel } from '../../src/game/drill/lobby-model.ts';

const DRILL = {
  code: 'K7MQ2X',
  title: { en: 'Week one' },
  scenarios: [{ id: 'mini-call', version: 1, hash: 'abc', title: { en: 'Mini' } }],
  timers: true,
  answerOrder: 'player',
  answerSeed: null,
  attempts: 1,
  status: 'open',
  createdAt: '2026-01-01T10:00:00.000Z',
} as const;
const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that answers once with `status` and `body`, and records what it was asked. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const fetch: FetchLike = (url, init) => {
    seen.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return Promise.resolve(new Response(status === 204 ? null : text, { status, headers }));
  };
  return { api: new DrillApi({ fetch }), seen };
}

describe('the drill API client', () => {
  it('posts a join and returns the checked answer', async () => {
    const { api, seen } = answering(201, {
      player: { id: 'p1', name: 'Mei' },
      playerToken: TOKEN,
      drill: DRILL,
    });
    const joined = await api.join('K7MQ2X', 'Mei');
    expect(joined.ok && joined.value.player.name).toBe('Mei');
    expect(seen[0]?.url).toBe('/api/drills/K7MQ2X/join');
    expect(seen[0]?.init?.method).toBe('POST');
    expect(JSON.parse(seen[0]?.init?.body as string)).toEqual({ name: 'Mei' });
  });

  it('sends the token as a bearer credential', async () => {
    const { api, seen } = answering(200, {
      player: { id: 'p1', name: 'Mei' },
      drill: DRILL,
      results: [],
    });
    const me = await api.me(TOKEN);
    expect(me.ok).toBe(true);
    expect((seen[0]?.init?.headers as Record<string, string>).authorization).toBe(
      `Bearer ${TOKEN}`,
    );
  });

  it("maps a 4xx to the server's own sentence and code", async () => {
    const { api } = answering(409, {
      error: { code: 'nameTaken', message: 'Someone in this drill is already called Mei.' },
    });
    const joined = await api.join('K7MQ2X', 'Mei');
    expect(joined).toMatchObject({
      ok: false,
      kind: FailureKind.rejected,
      status: 409,
      code: 'nameTaken',
      message: 'Someone in this drill is already called Mei.',
    });
  });

  it('says "rejected" even when a 4xx has no protocol body', async () => {
    const { api } = answering(404, '<html>Not found</html>');
    expect(await api.board('K7MQ2X')).toMatchObject({ ok: false, kind: FailureKind.rejected });
  });

  it.each([
    [500, {}, FailureKind.unavailable, null],
    [503, { 'retry-after': '7' }, FailureKind.unavailable, 7],
    [429, { 'retry-after': '30' }, FailureKind.unavailable, 30],
  ])('says %i is worth retrying', async (status, headers, kind, retryAfterS) => {
    const { api } = answering(status, 'busy', headers);
    expect(await api.catalogue()).toMatchObject({ ok: false, kind, status, retryAfterS });
  });

  it('never throws when the network fails', async () => {
    const api = new DrillApi({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await api.me(TOKEN)).toMatchObject({
      ok: false,
      kind: FailureKind.offline,
      status: null,
      message: 'Failed to fetch',
    });
  });

  it('refuses a 2xx answer that does not match the protocol', async () => {
    const { api } = answering(200, { player: { id: 'p1' } });
    expect(await api.me(TOKEN)).toMatchObject({ ok: false, kind: FailureKind.invalid });
    const html = answering(200, '<!doctype html>');
    expect(await html.api.catalogue()).toMatchObject({ ok: false, kind: FailureKind.invalid });
  });

  it('reads the CSV export as text and closes without reading a body', async () => {
    const csv = answering(200, 'name,total\nMei,80\n', { 'content-type': 'text/csv' });
    expect(await csv.api.exportCsv(TOKEN, 'K7MQ2X')).toMatchObject({
      ok: true,
      value: 'name,total\nMei,80\n',
    });
    expect(csv.seen[0]?.url).toBe('/api/drills/K7MQ2X/export.csv');
    const close = answering(204, '');
    expect(await close.api.closeDrill(TOKEN, 'K7MQ2X')).toMatchObject({ ok: true });
  });

  it('builds absolute URLs on another origin', () => {
    const api = new DrillApi({
      baseUrl: 'https://drills.example',
      fetch: () => Promise.reject(new Error()),
    });
    expect(api.url(ApiRoute.drillQr, 'K7MQ2X')).toBe(
      'https://drills.example/api/drills/K7MQ2X/qr.svg',
    );
  });
});

describe('join and rejoin links', () => {
  it('reads the code and the token, normalised, and drops a malformed token', () => {
    expect(readJoinLink(`https://dojo.example/?join=k7mq2x#token=${TOKEN}`)).toEqual({
      code: 'K7MQ2X',
      raw: 'k7mq2x',
      token: TOKEN,
    });
    expect(readJoinLink('https://dojo.example/?join=K0O#token=<script>')).toEqual({
      code: null,
      raw: 'K0O',
      token: null,
    });
    expect(readJoinLink('https://dojo.example/').code).toBeNull();
  });

  it('makes a rejoin link that reads back, and strips the token from the address', () => {
    const link = rejoinLink('https://dojo.example', 'K7MQ2X', TOKEN);
    expect(link).toBe(`https://dojo.example/?join=K7MQ2X#token=${TOKEN}`);
    expect(readJoinLink(link).token).toBe(TOKEN);
    expect(withoutToken(link)).toBe('https://dojo.example/?join=K7MQ2X');
  });

  it('keeps one token per drill code and forgets it', () => {
    const map = new Map<string, string>();
    const tokens = playerTokens(
      safeStorage(() => ({
        getItem: (key) => map.get(key) ?? null,
        setItem: (key, value) => map.set(key, value),
      })),
    );
    tokens.set('K7MQ2X', TOKEN);
    expect(tokens.get('K7MQ2X')).toBe(TOKEN);
    expect(tokens.get('AAAAAA')).toBeNull();
    tokens.forget('K7MQ2X');
    expect(tokens.get('K7MQ2X')).toBeNull();
  });

  it('picks a title in the locale, else English, else any', () => {
    expect(localized({ en: 'A', 'zh-Hans': '甲' }, 'zh-Hans')).toBe('甲');
    expect(localized({ en: 'A' }, 'zh-Hant')).toBe('A');
    expect(localized({ 'zh-Hant': '乙' }, 'en')).toBe('乙');
  });
});

describe('the live board stream', () => {
  const BOARD: BoardResponse = {
    code: 'K7MQ2X',
    title: { en: 'Week one' },
    status: 'open',
    scenarios: 1,
    rows: [{ rank: 1, playerId: 'p1', name: 'Mei', total: 80, completed: 1 }],
  };

  function fakeSource() {
    const handlers = new Map<string, (event: Event) => void>();
    const source = {
      onopen: null as ((event: Event) => void) | null,
      onerror: null as ((event: Event) => void) | null,
      readyState: 0,
      closed: false,
      addEventListener: (type: string, handler: (event: Event) => void) => {
        handlers.set(type, handler);
      },
      close: () => {
        source.closed = true;
      },
    };
    const emit = (data: string) => {
      handlers.get(BoardEvent.board)?.(new MessageEvent(BoardEvent.board, { data }));
    };
    return { source, emit };
  }

  it('passes on checked boards, ignores malformed ones, and reports its state', () => {
    const { source, emit } = fakeSource();
    const boards: BoardResponse[] = [];
    const states: string[] = [];
    let opened = '';
    const stop = followBoard(
      '/api/drills/K7MQ2X/events',
      { board: (board) => boards.push(board), state: (state) => states.push(state) },
      ((url: string) => {
        opened = url;
        return source;
      }) as unknown as EventSourceFactory,
    );
    expect(opened).toBe('/api/drills/K7MQ2X/events');
    source.onopen?.(new Event('open'));
    emit(JSON.stringify(BOARD));
    emit('not json');
    emit(JSON.stringify({ ...BOARD, rows: [{ name: 'x' }] }));
    source.onerror?.(new Event('error'));
    expect(boards).toEqual([BOARD]);
    expect(states).toEqual([
      StreamState.connecting,
      StreamState.live,
      StreamState.live,
      StreamState.reconnecting,
    ]);
    stop();
    expect(source.closed).toBe(true);
  });
});

describe('drill stats', () => {
  it('accepts a hardest moment whose customer line is longer than a title', async () => {
    const line = 'It is a birthday present for my mum. '.repeat(8);
    const { api } = answering(200, {
      players: 1,
      submissions: 1,
      tips: Object.fromEntries(TIP_IDS.map((tip) => [tip, null])),
      hardest: [{ scenarioId: 's', nodeId: 'n', line: { en: line }, misses: 1, pointsLost: 9.4 }],
    });
    const stats = await api.stats(TOKEN, 'K7MQ2X');
    expect(stats.ok && stats.value.hardest[0]?.line.en).toBe(line);
  });
});

describe('the drill lobby model', () => {
  const drill = {
    ...DRILL,
    attempts: 2,
    scenarios: [
      { id: 'a', version: 1, hash: 'h', title: { en: 'A' } },
      { id: 'b', version: 1, hash: 'h', title: { en: 'B' } },
    ],
  };
  const result = (scenarioId: string, total: number, attempt = 1) => ({
    scenarioId,
    attempt,
    total,
    grade: 'B',
    outcome: 'good',
    submittedAt: '2026-01-01T10:00:00.000Z',
  });

  it('marks best scores, counts waiting calls as attempts, and plays the first fresh call next', () => {
    const model = lobbyModel(drill, [result('a', 40), result('a', 70, 2)], new Map());
    expect(model.entries.map((entry) => [entry.best, entry.playable])).toEqual([
      [70, false],
      [null, true],
    ]);
    expect(model.next).toBe(1);
    const waiting = lobbyModel(drill, [result('a', 40)], new Map([['b', 2]]));
    expect(waiting.entries[1]).toMatchObject({ waiting: 2, playable: false, best: null });
    // Everything played once: attempts left on "a" make it next.
    expect(waiting.next).toBe(0);
  });

  it('offers nothing once the drill is closed', () => {
    const model = lobbyModel({ ...drill, status: 'closed' }, [], new Map());
    expect(model.next).toBeNull();
    expect(model.closed).toBe(true);
  });
});
