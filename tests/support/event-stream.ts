/** Reads a server-sent event stream over fetch, for tests: each event's name and parsed data. */
export interface StreamEvent {
  readonly event: string;
  readonly data: unknown;
}

export class EventStreamReader {
  private readonly events: StreamEvent[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly controller = new AbortController();
  readonly done: Promise<void>;

  constructor(url: string) {
    this.done = this.read(url).catch(() => undefined);
  }

  private async read(url: string): Promise<void> {
    const response = await fetch(url, { signal: this.controller.signal });
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (data.length === 0) continue;
        this.events.push({ event, data: JSON.parse(data.join('\n')) as unknown });
        for (const wake of this.waiters.splice(0)) wake();
      }
    }
  }

  /** Resolves with the first event (seen so far or arriving later) that `test` accepts. */
  async next<T>(test: (data: T) => boolean, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((entry) => test(entry.data as T));
      if (found) return found.data as T;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${String(timeoutMs)} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}
