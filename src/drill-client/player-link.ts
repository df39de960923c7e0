import { JOIN_QUERY, joinCodeSchema, tokenSchema } from '../protocol/index.ts';
import type { KeyValueStore } from '../storage/index.ts';

/** The fragment key that carries a player token in a rejoin link: `/?join=CODE#token=…`. */
export const TOKEN_FRAGMENT = 'token';
const TOKEN_KEY_PREFIX = 'service-dojo.drill-token.';

/** What the page's address asks for: a drill to join, and maybe a token to rejoin with. */
export interface JoinLink {
  /** The join code, normalised (upper case); null when absent or malformed. */
  readonly code: string | null;
  /** The raw `?join=` value, to show back to the player when it is not a valid code. */
  readonly raw: string | null;
  readonly token: string | null;
}

/** Reads `?join=CODE` and `#token=…` from a URL (the fragment never reaches the server). */
export function readJoinLink(href: string): JoinLink {
  const url = new URL(href);
  const raw = url.searchParams.get(JOIN_QUERY);
  const code = raw === null ? null : joinCodeSchema.safeParse(raw);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const token = tokenSchema.safeParse(fragment.get(TOKEN_FRAGMENT) ?? '');
  return {
    code: code?.success ? code.data : null,
    raw,
    token: token.success ? token.data : null,
  };
}

/** The same address without the token fragment, so the token does not linger in the bar. */
export function withoutToken(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.toString();
}

/** A link that rejoins the drill as this player from another tab or device. */
export function rejoinLink(origin: string, code: string, token: string): string {
  const url = new URL('/', origin);
  url.searchParams.set(JOIN_QUERY, code);
  url.hash = `${TOKEN_FRAGMENT}=${encodeURIComponent(token)}`;
  return url.toString();
}

/** Player tokens, one per drill code, in localStorage: a reload keeps the player in the drill. */
export function playerTokens(storage: KeyValueStore) {
  return {
    get(code: string): string | null {
      const token = storage.get(TOKEN_KEY_PREFIX + code);
      return token !== null && tokenSchema.safeParse(token).success ? token : null;
    },
    set(code: string, token: string): void {
      storage.set(TOKEN_KEY_PREFIX + code, token);
    },
    /** Forgets the token (the server no longer knows it). Empty string: KeyValueStore has no delete. */
    forget(code: string): void {
      storage.set(TOKEN_KEY_PREFIX + code, '');
    },
  };
}
export type PlayerTokens = ReturnType<typeof playerTokens>;
