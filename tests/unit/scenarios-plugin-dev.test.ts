import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { SCENARIOS_MODULE, scenariosPlugin } from '../../src/build/scenarios-plugin.ts';
import { ROOT } from '../support/fixtures.ts';

/** What the HMR websocket sends (the subset these tests read). */
interface HmrMessage {
  readonly type: string;
  readonly err?: {
    readonly message: string;
    readonly id?: string;
    readonly frame?: string;
    readonly loc?: { readonly file?: string; readonly line: number; readonly column: number };
  };
}

const TUTORIAL = 'tutorial-first-call.yaml';

describe('scenarios plugin in `npm run dev`', () => {
  let server: ViteDevServer;
  let folder: string;
  let base: string;
  let socket: WebSocket;
  const messages: HmrMessage[] = [];

  /** Resolves with the first message of a type that arrives after the call. */
  function next(type: string, timeoutMs = 10_000): Promise<HmrMessage> {
    const from = messages.length;
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const found = messages.slice(from).find((message) => message.type === type);
        if (found) {
          clearInterval(poll);
          resolve(found);
        } else if (Date.now() - started > timeoutMs) {
          clearInterval(poll);
          reject(
            new Error(`no ${type} in ${JSON.stringify(messages.slice(from).map((m) => m.type))}`),
          );
        }
      }, 25);
    });
  }

  /** The catalogue module as the browser would fetch it. */
  async function catalogue(): Promise<{ status: number; body: string }> {
    const response = await fetch(`${base}/@id/${SCENARIOS_MODULE}`);
    return { status: response.status, body: await response.text() };
  }

  function edit(name: string, from: string, to: string): void {
    const file = path.join(folder, name);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`no "${from}" in ${name}`);
    writeFileSync(file, text.replace(from, to));
  }

  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dojo-dev-'));
    folder = path.join(root, 'scenarios');
    cpSync(path.join(ROOT, 'scenarios'), folder, {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}transcripts`),
    });
    server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [scenariosPlugin({ folder })],
      server: { host: '127.0.0.1', port: 0, strictPort: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
    const { port } = server.httpServer?.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    // Connects as the browser's HMR client does; the token is how Vite tells its own client
    // apart (deprecated for apps, which should use import.meta.hot; a test has no page).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const token = server.config.webSocketToken;
    socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, 'vite-hmr');
    socket.addEventListener('message', (event) => {
      messages.push(JSON.parse(String(event.data)) as HmrMessage);
    });
    await next('connected');
  });

  afterAll(async () => {
    socket.close();
    await server.close();
  });

  it('serves the catalogue, and an edit reloads the game with the new text', async () => {
    const first = await catalogue();
    expect(first.status).toBe(200);
    expect(first.body).toContain('First chat: the late parcel');

    const reload = next('full-reload');
    edit(TUTORIAL, 'en: "First chat: the late parcel"', 'en: "First chat: the lost parcel"');
    await reload;
    // The cached report was dropped: the module is loaded again from the edited file.
    const second = await catalogue();
    expect(second.body).toContain('First chat: the lost parcel');
    expect(second.body).not.toContain('the late parcel');
  });

  it('shows a broken file in the error overlay with its file, line and column', async () => {
    const reload = next('full-reload');
    edit(TUTORIAL, 'channel: chat', 'channel: fax');
    await reload;
    const error = next('error');
    const broken = await catalogue();
    expect(broken.status).toBe(500);
    const { err } = await error;
    const file = path.join(folder, TUTORIAL);
    expect(err?.loc).toEqual({ file, line: 33, column: 10 });
    expect(err?.id).toBe(file);
    expect(err?.message).toMatch(
      /tutorial-first-call\.yaml:33:10: channel cannot be the text "fax" — write one of/,
    );
    expect(err?.frame).toContain('> 33 | channel: fax\n     |          ^');

    const fixed = next('full-reload');
    edit(TUTORIAL, 'channel: fax', 'channel: chat');
    await fixed;
    expect((await catalogue()).status).toBe(200);
  });

  it('reloads when a scenario file is added or deleted', async () => {
    const text = readFileSync(path.join(folder, TUTORIAL), 'utf8').replace(
      'id: tutorial-first-call',
      'id: second-tutorial',
    );
    const added = next('full-reload');
    writeFileSync(path.join(folder, 'second-tutorial.yaml'), text);
    await added;
    expect((await catalogue()).body).toContain('"second-tutorial"');

    const deleted = next('full-reload');
    rmSync(path.join(folder, 'second-tutorial.yaml'));
    await deleted;
    expect((await catalogue()).body).not.toContain('"second-tutorial"');
  });
});
