export interface DrainingPollerOptions {
  /** Claims and handles a few items; returns how many it had (0: nothing waiting). */
  round(): Promise<number>;
  /** The pause after the queue ran dry. */
  pollMs: number;
  /** A round that failed; the next poll tries again. */
  onError(error: unknown): void;
}

/**
 * A lease-based queue's worker loop: rounds back to back while there is work, then a poll every
 * `pollMs`. Several instances share the queue through its leases; `stop` waits for the round in hand.
 */
export class DrainingPoller {
  private running = false;
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;

  constructor(private readonly options: DrainingPollerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.current = this.drain().finally(() => this.schedule(this.options.pollMs));
    }, ms);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      while (this.running && (await this.options.round()) > 0) {
        // keep going while items come back
      }
    } catch (error) {
      this.options.onError(error);
    }
  }
}
