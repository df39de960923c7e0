import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ROOT } from '../support/fixtures.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The LMS page: scorm-again's runtimes, and a frame the test launches the package in. */
const HOST_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm-again/scorm12.js"></script>
<script src="/scorm-again/scorm2004.js"></script>
</head><body style="margin:0"></body></html>`;

/** What the host's cmi5 side (fetch URL, State API, statements) received. */
export interface Cmi5Record {
  readonly statements: { id: string; verb: { id: string }; object: { id: string } }[];
  readonly states: Map<string, string>;
}

export interface LmsHost {
  readonly url: string;
  readonly cmi5: Cmi5Record;
  close(): Promise<void>;
}

/** The LaunchData a cmi5 LMS writes before launching the AU (cmi5 §10). */
const LAUNCH_DATA = JSON.stringify({
  contextTemplate: {
    extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
  },
  launchMode: 'Normal',
  moveOn: 'CompletedAndPassed',
  masteryScore: 0.5,
});

/** The cmi5 LMS side: `/cmi5/fetch`, `/cmi5/xapi/activities/state`, `/cmi5/xapi/statements`. */
function cmi5Route(record: Cmi5Record, url: URL, method: string, body: string) {
  if (url.pathname === '/cmi5/fetch') return { status: 200, body: '{"auth-token":"dG9rZW4="}' };
  if (url.pathname === '/cmi5/xapi/activities/state') {
    const id = url.searchParams.get('stateId') ?? '';
    if (method === 'PUT' || method === 'POST') {
      record.states.set(id, body);
      return { status: 204, body: '' };
    }
    const kept = id === 'LMS.LaunchData' ? LAUNCH_DATA : record.states.get(id);
    return kept ? { status: 200, body: kept } : { status: 404, body: '' };
  }
  if (url.pathname === '/cmi5/xapi/statements' && method === 'POST') {
    const parsed = JSON.parse(body) as Cmi5Record['statements'][number] | Cmi5Record['statements'];
    record.statements.push(...(Array.isArray(parsed) ? parsed : [parsed]));
    return { status: 200, body: '[]' };
  }
  return null;
}

/**
 * A tiny LMS stand-in on a free loopback port: `/host.html` (the LMS page), `/scorm-again/…`
 * (its dist files) and `/pkg/<name>/…` (an unzipped package from `packages`).
 */
export async function startLmsHost(packages: Readonly<Record<string, string>>): Promise<LmsHost> {
  const scormAgain = path.join(ROOT, 'node_modules/scorm-again/dist');
  const cmi5: Cmi5Record = { statements: [], states: new Map() };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, body: string | Buffer, type = 'text/plain') => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname.startsWith('/cmi5/')) {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const answer = cmi5Route(cmi5, url, request.method ?? 'GET', body);
        send(answer?.status ?? 404, answer?.body ?? '', 'application/json');
      });
      return;
    }
    if (url.pathname === '/host.html') {
      send(200, HOST_PAGE, TYPES['.html']);
      return;
    }
    const [, area, name, ...rest] = decodeURIComponent(url.pathname).split('/');
    const base =
      area === 'scorm-again' ? scormAgain : area === 'pkg' && name ? packages[name] : undefined;
    const relative = area === 'scorm-again' ? [name ?? '', ...rest].join('/') : rest.join('/');
    const file = base ? path.resolve(base, relative) : '';
    if (!base || !file.startsWith(base)) {
      send(404, 'not found');
      return;
    }
    readFile(file).then(
      (data) => {
        send(200, data, TYPES[path.extname(file)] ?? 'application/octet-stream');
      },
      () => {
        send(404, 'not found');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cmi5,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
