import XAPI from '@xapi/xapi';
import { LrsError } from './queue.ts';
import type { SendBatch } from './queue.ts';

/** The library's adapter type (a function form of its `adapter` option; not exported by name). */
type AdapterFunction = Extract<
  NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']>,
  (...args: never[]) => unknown
>;

/**
 * `@xapi/xapi`'s fetch adapter throws a bare Error on any refusal; this one keeps the HTTP status,
 * so the queue can tell "offline, retry" from "refused, drop", and lets the final statements of a
 * closing page go out (`keepalive`).
 */
const statusAdapter: AdapterFunction = async ({ url, method, data, headers }) => {
  const json = headers?.['Content-Type'] === 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      body: json ? JSON.stringify(data) : (data as BodyInit | undefined),
      headers: headers as HeadersInit | undefined,
      keepalive: true,
    });
  } catch (error) {
    throw new LrsError(null, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  if (!response.ok) throw new LrsError(response.status, text);
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a 204 has no body): keep the text.
  }
  return {
    data: parsed as never,
    headers: Object.fromEntries(response.headers.entries()),
    status: response.status,
  };
};

/** A client of the LRS at `endpoint` (with an `Authorization` value), through `@xapi/xapi`. */
export function lrsClient(endpoint: string, auth: string | undefined): XAPI {
  return new XAPI({ endpoint, ...(auth ? { auth } : {}), adapter: statusAdapter });
}

/** Sends batches with `sendStatements` (one POST, the statements keep their ids). */
export function lrsSender(client: XAPI): SendBatch {
  return async (statements) => {
    await client.sendStatements({ statements: [...statements] });
  };
}
