/**
 * Group commit: items handed in while a commit runs wait for it and then go together in the next
 * one. The first item commits at once (no timer), so an item waits at most for the commit in
 * progress plus its own; under load the batches grow by themselves. One commit at a time.
 * `commit` returns, per item, its error (undefined when it was recorded).
 */
export class GroupCommit<T> {
  private waiting: Array<{ item: T; settle: (error: unknown) => void }> = [];
  private committing = false;

  constructor(
    private readonly commit: (items: T[]) => Promise<unknown[]>,
    private readonly maxBatch: number,
  ) {}

  /** Resolves once `item` is committed; rejects with its error otherwise. */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.committing) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.committing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, this.maxBatch);
        const errors = await this.commit(batch.map((b) => b.item)).catch((error: unknown) =>
          batch.map(() => error ?? new Error('commit failed')),
        );
        batch.forEach((b, i) => b.settle(errors[i]));
      }
    } finally {
      this.committing = false;
    }
  }
}
