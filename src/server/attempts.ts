/**
 * Counts failures per key in a fixed window, in memory: after `limit` failures a key is refused
 * until its window ends. Used for wrong join codes, where only failures should count.
 */
export class AttemptCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  blockedFor(key: string, now: number): number {
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) return 0;
    return window.count >= this.limit ? window.endsAt - now : 0;
  }

  fail(key: string, now: number): void {
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      this.windows.set(key, { count: 1, endsAt: now + this.windowMs });
      // Forget finished windows now and then, so the map does not grow without bound.
      if (this.windows.size > 10_000) {
        for (const [other, entry] of this.windows)
          if (entry.endsAt <= now) this.windows.delete(other);
      }
      return;
    }
    window.count += 1;
  }
}
