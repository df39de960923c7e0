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
});
