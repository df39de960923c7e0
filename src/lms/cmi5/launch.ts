import type { Actor } from '@xapi/xapi';

/** What a cmi5 LMS puts on the AU's launch URL (cmi5 §8.1). */
export interface Cmi5LaunchParameters {
  readonly endpoint: string;
  readonly fetch: string;
  readonly actor: Actor;
  readonly registration: string;
  readonly activityId: string;
}

/** The launch parameters, or null when the page was not launched by a cmi5 LMS. */
export function cmi5LaunchParameters(search: string): Cmi5LaunchParameters | null {
  const params = new URLSearchParams(search);
  const endpoint = params.get('endpoint');
  const fetchUrl = params.get('fetch');
  const actor = params.get('actor');
  const registration = params.get('registration');
  const activityId = params.get('activityId');
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  try {
    return {
      endpoint,
      fetch: fetchUrl,
      actor: JSON.parse(actor) as Actor,
      registration,
      activityId,
    };
  } catch {
    return null;
  }
}

/**
 * Trades the one-time fetch URL for the session's auth token (cmi5 §8.2): a POST, answered with
 * `{"auth-token": "…"}`; the token goes in `Authorization: Basic <token>`.
 */
export async function fetchAuthToken(fetchUrl: string): Promise<string> {
  const response = await fetch(fetchUrl, { method: 'POST' });
  const body = (await response.json()) as { 'auth-token'?: string; 'error-text'?: string };
  if (!response.ok || !body['auth-token'])
    throw new Error(`cmi5 fetch URL refused: ${body['error-text'] ?? response.status}`);
  return body['auth-token'];
}
