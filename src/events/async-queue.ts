/**
 * A push-to-pull bridge for subscriptions: the bus pushes, graphql-ws pulls. `onClose` runs once
 * when the client unsubscribes or the socket closes (graphql-ws calls `return()`).
 */
export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  private readonly values: T[] = [];
  private readonly waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }[] = [];
  private closed = false;
  private failure: unknown;

  constructor(
    private readonly onClose: () => void = () => {},
    /** Runs as each value is handed to the consumer, just before it executes the value. */
    private readonly beforeYield: (value: T) => void = () => {},
  ) {}

  push(value: T): void {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next.resolve({ value, done: false });
    else this.values.push(value);
  }

  /** Ends the stream with an error (graphql-ws sends it to the client, which can resume with `after`), not as complete. */
  fail(error: unknown): void {
    if (this.closed) return;
    this.failure = error;
    for (const { reject } of this.waiting.splice(0)) reject(error);
    void this.return();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.values.length > 0) return Promise.resolve(this.yield(this.values.shift()!));
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) =>
      this.waiting.push({ resolve: (result) => resolve(result.done ? result : this.yield(result.value)), reject }),
    );
  }

  private yield(value: T): IteratorResult<T> {
    this.beforeYield(value);
    return { value, done: false };
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.values.length = 0;
      for (const { resolve } of this.waiting.splice(0)) resolve({ value: undefined, done: true });
      this.onClose();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
