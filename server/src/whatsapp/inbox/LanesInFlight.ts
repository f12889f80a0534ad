/**
 * The inbox lanes running at one time, across claims. A lane starts only once every running lane
 * that shares one of its keys (customers) has finished, so a customer's events keep their order
 * even when the next claim is taken while lanes of the previous one still work. Lanes that share
 * no key overlap freely.
 */
export class LanesInFlight<T> {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  /** Events in the running lanes (waiting or working). */
  events = 0;

  constructor(private readonly onError: (error: unknown) => void) {}

  get size(): number {
    return this.running.size;
  }

  start(lane: T[], keysOf: (item: T) => string[], work: (lane: T[]) => Promise<void>): void {
    const keys = [...new Set(lane.flatMap(keysOf))];
    const before = keys.flatMap((key) => this.tails.get(key) ?? []);
    this.events += lane.length;
    const done: Promise<void> = Promise.all(before)
      .then(() => work(lane))
      .catch(this.onError)
      .finally(() => {
        this.events -= lane.length;
        this.running.delete(done);
        for (const key of keys) if (this.tails.get(key) === done) this.tails.delete(key);
      });
    this.running.add(done);
    for (const key of keys) this.tails.set(key, done);
  }

  /** Whether a running lane holds `key`: an item with it would start only after that lane. */
  holds(key: string): boolean {
    return this.tails.has(key);
  }

  /** Resolves when any running lane finishes (at once when none runs). */
  async anyFinished(): Promise<void> {
    if (this.running.size) await Promise.race(this.running);
  }

  async allFinished(): Promise<void> {
    await Promise.all(this.running);
  }
}
