// Drill server figures for `npm run bench` (never pass/fail): verified submissions per second and
// their latency under a loopback load generator, against a hello-world route on the same framework
// in the same run; and how fast 1,000 live-board viewers see a new score.
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import { ApiRoute, BoardEvent, apiPath } from '../../src/protocol/index.ts';
import type { DrillInfo, JoinResponse } from '../../src/protocol/index.ts';
import { ROOT } from '../support/fixtures.ts';
import { TEST_PASSPHRASE, recorded } from '../support/server.ts';
import { call } from '../support/server-process.ts';
import { table } from './measure.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 32;
const PLAYERS = 2000;
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1000);

async function child(
  kind: 'drill' | 'hello',
  workers = 1,
): Promise<{ url: string; pid: number; stop(): void }> {
  const process_ = spawn(process.execPath, [path.join(ROOT, 'tests/bench/server-child.ts'), kind], {
    env: { ...process.env, TRAINER_PASSPHRASE: TEST_PASSPHRASE, BENCH_WORKERS: String(workers) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is up: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    process_.once('exit', () => {
      reject(new Error(`bench server exited: ${output}`));
    });
  });
  return {
    url,
    pid: process_.pid ?? 0,
    stop() {
      process_.kill();
    },
  };
}

/** CPU seconds a process has used (Linux /proc; null elsewhere). */
function cpuSeconds(pid: number): number | null {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    // utime and stime, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
  });
}

/** A drill with two scenarios and ten attempts each, and enough players to never run out. */
async function prepareDrill(url: string, players: number) {
  const login = await call(url, 'POST', ApiRoute.trainerLogin, {
    body: { passphrase: TEST_PASSPHRASE },
  });
  const { trainerToken } = login.body as { trainerToken: string };
  const created = await call(url, 'POST', ApiRoute.drills, {
    token: trainerToken,
    body: {
      title: 'Bench',
      scenarioIds: ['charged-twice', 'not-my-product'],
      timers: true,
      attempts: 10,
    },
  });
  const drill = (created.body as { drill: DrillInfo }).drill;
  const tokens: string[] = [];
  for (let index = 0; index < players; index += 1) {
    const joined = await call(url, 'POST', apiPath(ApiRoute.join, drill.code), {
      body: { name: `Player ${String(index)}` },
    });
    tokens.push((joined.body as JoinResponse).playerToken);
  }
  return { drill, tokens };
}

/** Opens `count` event streams and resolves with a function timing how long until all see `test`. */
async function openViewers(url: string, code: string, count: number) {
  const sockets: http.ClientRequest[] = [];
  const seenAt: (number | undefined)[] = [];
  let target: ((data: string) => boolean) | null = null;
  let ready = 0;
  await new Promise<void>((resolve) => {
    for (let index = 0; index < count; index += 1) {
      const request = http.get(
        `${url}${apiPath(ApiRoute.events, code)}`,
        { agent: false },
        (response) => {
          let buffer = '';
          let first = true;
          response.on('data', (chunk: Buffer) => {
            buffer += chunk.toString();
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              end = buffer.indexOf('\n\n');
              if (!block.startsWith(`event: ${BoardEvent.board}`)) continue;
              if (first) {
                first = false;
                ready += 1;
                if (ready === count) resolve();
              } else if (target?.(block) && seenAt[index] === undefined) {
                seenAt[index] = performance.now();
              }
            }
          });
        },
      );
      sockets.push(request);
    }
  });
  return {
    async timeUntilAllSee(test: (data: string) => boolean, trigger: () => Promise<void>) {
      target = test;
      const start = performance.now();
      await trigger();
      while (
        seenAt.filter((value) => value !== undefined).length < count &&
        performance.now() - start < 10_000
      )
        await new Promise((resolve) => setTimeout(resolve, 5));
      const times = seenAt
        .filter((value): value is number => value !== undefined)
        .map((value) => value - start);
      return { seen: times.length, slowest: Math.max(...times) };
    },
    close() {
      for (const socket of sockets) socket.destroy();
    },
  };
}

/** Fresh verified submissions for DURATION_S seconds: every request a new result of some player. */
async function submissionLoad(
  url: string,
  beforeLoad: () => void = () => undefined,
): Promise<autocannon.Result> {
  const { tokens } = await prepareDrill(url, PLAYERS);
  const transcripts = [recorded('charged-twice', 'mixed'), recorded('not-my-product', 'best')];
  // Each player sends each scenario up to ten times: 2,000 × 20 fresh submissions at most, made
  // before the clock starts so the load generator spends its time sending, not building.
  const bodies = Array.from({ length: PLAYERS * 20 }, (_, index) => ({
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokens[index % tokens.length] ?? ''}`,
    },
    body: JSON.stringify({
      idempotencyKey: randomUUID(),
      transcript: transcripts[Math.floor(index / tokens.length) % transcripts.length],
    }),
  }));
  let next = 0;
  beforeLoad();
  return load({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: ApiRoute.submissions,
        setupRequest(request) {
          const prepared = bodies[next % bodies.length];
          next += 1;
          return { ...request, ...prepared };
        },
      },
    ],
  });
}

export async function runServerBench(out: (line?: string) => void): Promise<void> {
  const hello = await child('hello');
  const baseline = await load({
    url: `${hello.url}/hello`,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  hello.stop();

  const rows: string[][] = [
    ['server', 'req/s', 'p50', 'p99', 'non-2xx', 'ratio'],
    [
      'hello world (GET, Fastify, 1 process)',
      baseline.requests.average.toFixed(0),
      `${String(baseline.latency.p50)} ms`,
      `${String(baseline.latency.p99)} ms`,
      String(baseline.non2xx),
      '1.00×',
    ],
  ];
  let serverCpuMs: number | null = null;
  for (const workers of [1, 2]) {
    const server = await child('drill', workers);
    try {
      // Read when the load starts (after the players joined), through an object: a closure sets it.
      const cpu = { before: null as number | null };
      const result = await submissionLoad(server.url, () => {
        cpu.before = cpuSeconds(server.pid);
      });
      const cpuAfter = cpuSeconds(server.pid);
      const verified = result['2xx'] / DURATION_S;
      if (workers === 1 && cpu.before !== null && cpuAfter !== null && result['2xx'] > 0)
        serverCpuMs = ((cpuAfter - cpu.before) * 1000) / result['2xx'];
      rows.push([
        `POST /api/submissions, ${String(workers)} process${workers > 1 ? 'es' : ''}`,
        verified.toFixed(0),
        `${String(result.latency.p50)} ms`,
        `${String(result.latency.p99)} ms`,
        String(result.non2xx),
        `${(verified / baseline.requests.average).toFixed(2)}×`,
      ]);
    } finally {
      server.stop();
    }
  }
  out(
    `(h) verified submissions (replayed, scored, stored in SQLite) vs a hello-world Fastify route, ${String(CONNECTIONS)} connections, ${String(DURATION_S)} s on loopback, the load generator on the same cores (goal ≥ 3,000/s, p99 < 50 ms)`,
  );
  out(table(rows));
  if (serverCpuMs !== null) {
    out(
      `    the server's own CPU per verified submission (1 process): ${serverCpuMs.toFixed(2)} ms, i.e. ${(1000 / serverCpuMs).toFixed(0)}/s for each core it has to itself`,
    );
  }
  out();

  const server = await child('drill', 2);
  try {
    // A training room's drill: thirty players on the board, a thousand screens watching it.
    const { drill } = await prepareDrill(server.url, 30);
    const viewers = await openViewers(server.url, drill.code, VIEWERS);
    const marker = `Watched ${String(Date.now() % 1e6)}`;
    const joined = await call(server.url, 'POST', apiPath(ApiRoute.join, drill.code), {
      body: { name: marker },
    });
    const token = (joined.body as JoinResponse).playerToken;
    const seen = await viewers.timeUntilAllSee(
      (data) => data.includes(marker) && !data.includes(`"name":"${marker}","total":0`),
      async () => {
        const sent = await call(server.url, 'POST', ApiRoute.submissions, {
          token,
          body: { idempotencyKey: randomUUID(), transcript: recorded('charged-twice', 'best') },
        });
        if (sent.status !== 201)
          throw new Error(`the viewers' score was refused: ${JSON.stringify(sent.body)}`);
      },
    );
    viewers.close();
    out(
      `(i) ${String(VIEWERS)} live-board viewers (server-sent events): a new score reached ${String(seen.seen)} of them, the last after ${seen.slowest.toFixed(0)} ms (goal: all within 1 s; boards gather a burst for 100 ms)`,
    );
  } finally {
    server.stop();
  }
}
