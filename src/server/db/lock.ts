/**
 * A FIFO async lock. SQLite has one connection: a transaction that awaits must not let another
 * request's statements run inside it, so every statement waits its turn here.
 */
export class Lock {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(work: () => Promise<T> | T): Promise<T> {
    const previous = this.tail;
    let release: () => void = Boolean;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}
