import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiRoute } from '../../src/protocol/index.ts';
import { startServer } from '../../src/server/index.ts';
import { TEST_PASSPHRASE, testCatalogue } from '../support/server.ts';

describe('the game served by the drill server', () => {
  it('sends the page and compressed, long-cached assets; the API stays uncompressed', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dojo-static-'));
    mkdirSync(path.join(folder, 'dist/assets'), { recursive: true });
    writeFileSync(
      path.join(folder, 'dist/index.html'),
      '<!doctype html><title>Service Dojo</title>',
    );
    writeFileSync(
      path.join(folder, 'dist/assets/game-abc123.js'),
      'console.log("dojo");\n'.repeat(500),
    );
    const server = await startServer({
      dataDir: path.join(folder, 'data'),
      staticDir: path.join(folder, 'dist'),
      trainerPassphrase: TEST_PASSPHRASE,
      catalogue: testCatalogue(),
    });
    try {
      const page = await fetch(`${server.url}/?join=ABCDEF`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Service Dojo');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

      const script = await fetch(`${server.url}/assets/game-abc123.js`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(script.headers.get('content-encoding')).toBe('gzip');
      expect(script.headers.get('cache-control')).toContain('immutable');
      expect((await script.text()).length).toBe('console.log("dojo");\n'.length * 500);

      const api = await fetch(`${server.url}${ApiRoute.catalogue}`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(api.headers.get('content-encoding')).toBeNull();
      expect((await fetch(`${server.url}/no-such-file.js`)).status).toBe(404);
    } finally {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('leaves the game’s files out of the API’s per-address limit: a room behind one NAT loads it 40 times', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dojo-static-'));
    mkdirSync(path.join(folder, 'dist/assets'), { recursive: true });
    writeFileSync(path.join(folder, 'dist/index.html'), '<!doctype html><title>Dojo</title>');
    const files = Array.from({ length: 40 }, (_, index) => `assets/part-${String(index)}.js`);
    for (const file of files) writeFileSync(path.join(folder, 'dist', file), '// part\n');
    const server = await startServer({
      dataDir: path.join(folder, 'data'),
      staticDir: path.join(folder, 'dist'),
      trainerPassphrase: TEST_PASSPHRASE,
      catalogue: testCatalogue(),
      limits: { perIpPerMinute: 50 },
    });
    try {
      // 40 game loads of 41 files each, from one address: 1,640 requests, none refused.
      const statuses = new Map<number, number>();
      for (let load = 0; load < 40; load += 1) {
        const answers = await Promise.all(
          ['', ...files].map((file) => fetch(`${server.url}/${file}`)),
        );
        for (const answer of answers) {
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          await answer.arrayBuffer();
        }
      }
      expect(statuses).toEqual(new Map([[200, 40 * 41]]));
      // The API still has its limit.
      const api: number[] = [];
      for (let call = 0; call < 55; call += 1)
        api.push((await fetch(`${server.url}${ApiRoute.health}`)).status);
      expect(api.filter((status) => status === 429).length).toBeGreaterThan(0);
    } finally {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
