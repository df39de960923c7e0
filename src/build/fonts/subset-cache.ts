import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** Finished subsets by key, so a rebuild with unchanged text skips the ~10 s of subsetting. */
export interface SubsetCache {
  get(key: string): Uint8Array | undefined;
  set(key: string, bytes: Uint8Array): void;
}

/** A cache key: SHA-256 over every input that decides a subset's bytes. */
export function cacheKey(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(String(bytes.length)).update(':').update(bytes);
  }
  return hash.digest('hex');
}

/** Entries kept: two builds' worth of subsets for every locale, a few text edits back. */
const KEEP = 48;
const EXTENSION = '.woff2';

/**
 * A folder of `<key>.woff2` files. Reads touch the file, and writes drop the least recently used
 * entries past KEEP, so scenario edits do not grow it without bound. Every failure only costs
 * a recomputation.
 */
export function diskCache(folder: string): SubsetCache {
  const file = (key: string) => path.join(folder, key + EXTENSION);
  return {
    get(key) {
      try {
        const bytes = new Uint8Array(readFileSync(file(key)));
        const now = new Date();
        utimesSync(file(key), now, now);
        return bytes;
      } catch {
        return undefined;
      }
    },
    set(key, bytes) {
      try {
        mkdirSync(folder, { recursive: true });
        writeFileSync(file(key), bytes);
        const entries = readdirSync(folder)
          .filter((name) => name.endsWith(EXTENSION))
          .map((name) => ({ name, used: statSync(path.join(folder, name)).mtimeMs }))
          .sort((a, b) => b.used - a.used);
        for (const stale of entries.slice(KEEP))
          rmSync(path.join(folder, stale.name), { force: true });
      } catch {
        // An unwritable cache only means the next build subsets again.
      }
    },
  };
}

/** A cache that keeps nothing (tests of the subsetter itself). */
export const NO_CACHE: SubsetCache = { get: () => undefined, set: () => undefined };
