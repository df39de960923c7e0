import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiRoute } from '../../src/protocol/index.ts';
import { startServer } from '../../src/server/index.ts';
import { TEST_PASSPHRASE, testCatalogue } from '../support/server.ts';

/** A raw connection to the server that reports when the server closes it. */
function rawSocket(url: string): { socket: Socket; closed: Promise<void> } {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      resolve();
    }),
  );
  return { socket, closed };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) =>
      setTimeout(() => {
        resolve(false);
      }, ms),
    ),
  ]);

describe('connections the drill server does not keep', () => {
  it('closes idle and half-sent connections, and caps the connections one address holds', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dojo-sockets-'));
    const server = await startServer({
      dataDir,
      trainerPassphrase: TEST_PASSPHRASE,
      catalogue: testCatalogue(),
      limits: { idleSocketMs: 800, headersMs: 600, requestMs: 1500, connectionsPerIp: 6 },
    });
    try {
      // Silent sockets and a request whose headers never finish (slowloris).
      const idle = [rawSocket(server.url), rawSocket(server.url)];
      const partial = rawSocket(server.url);
      partial.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      for (const { closed } of [...idle, partial]) expect(await within(closed, 4000)).toBe(true);

      // Past the cap, a new connection from the same address is closed at once.
      const held = Array.from({ length: 6 }, () => rawSocket(server.url));
      await new Promise((resolve) => setTimeout(resolve, 150));
      const extra = rawSocket(server.url);
      expect(await within(extra.closed, 500)).toBe(true);
      for (const { socket } of held) socket.destroy();
      await Promise.all(held.map(({ closed }) => closed));
      // Once they are gone, a normal request is served.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const health = await fetch(`${server.url}${ApiRoute.health}`);
      expect(health.status).toBe(200);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 20_000);
});
