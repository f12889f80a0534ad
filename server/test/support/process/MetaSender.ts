import type { SignedDelivery } from './metaApp';

export interface MetaSenderOptions {
  /** Base URLs of the instances behind the "load balancer"; attempts go round-robin. */
  targets: string[];
  /** New deliveries released per second (redeliveries come on top, as Meta's do). */
  ratePerSecond: number;
  /** Requests in flight at most. */
  concurrency: number;
  /** Redelivery backoff: base × 2^(attempt-1), capped, half of it jittered. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A request not answered in this time counts as failed (and is redelivered). */
  requestTimeoutMs?: number;
  path?: string;
}

export interface SendReport {
  /** How many deliveries were handed to the sender, and how many got their 200. */
  deliveries: number;
  acked: number;
  attempts: number;
  /** Answers by HTTP status, plus `network` for refused / reset / timed-out requests. */
  outcomes: Record<string, number>;
}

interface Pending {
  delivery: SignedDelivery;
  attempts: number;
  dueAt: number;
  resolve(): void;
}

/**
 * Sends deliveries the way Meta's webhook client does: signed POSTs, and whatever does not get a
 * 200 (an error status, a refused or cut connection, a timeout) is delivered again later with
 * exponential backoff, until it does.
 */
export class MetaSender {
  private readonly waiting: Pending[] = [];
  private readonly report: SendReport = { deliveries: 0, acked: 0, attempts: 0, outcomes: {} };
  private inFlight = 0;
  private turn = 0;
  private timer?: NodeJS.Timeout;
  private readonly ackListeners: Array<(delivery: SignedDelivery, status: number) => void> = [];

  constructor(private readonly options: MetaSenderOptions) {}

  /** Releases `deliveries` at the configured rate; resolves once every one has been acknowledged. */
  async send(deliveries: SignedDelivery[]): Promise<void> {
    const intervalMs = 1000 / this.options.ratePerSecond;
    const start = Date.now();
    const acked = deliveries.map(
      (delivery, i) =>
        new Promise<void>((resolve) => {
          this.report.deliveries++;
          this.waiting.push({ delivery, attempts: 0, dueAt: start + i * intervalMs, resolve });
        }),
    );
    this.pump();
    await Promise.all(acked);
  }

  /** Called with every answer to every attempt (to tally what the server said, and when). */
  onAnswer(listener: (delivery: SignedDelivery, status: number) => void): void {
    this.ackListeners.push(listener);
  }

  /** Gives up on everything not yet acknowledged (Meta would keep trying for days). */
  stop(): void {
    clearTimeout(this.timer);
    this.waiting.length = 0;
  }

  stats(): SendReport {
    return { ...this.report, outcomes: { ...this.report.outcomes } };
  }

  /** Starts every attempt that is due, within the concurrency limit; re-arms itself for the next. */
  private pump(): void {
    clearTimeout(this.timer);
    const now = Date.now();
    this.waiting.sort((a, b) => a.dueAt - b.dueAt);
    while (this.inFlight < this.options.concurrency && this.waiting.length && this.waiting[0].dueAt <= now) {
      void this.attempt(this.waiting.shift()!);
    }
    if (this.waiting.length && this.inFlight < this.options.concurrency)
      this.timer = setTimeout(() => this.pump(), Math.max(1, this.waiting[0].dueAt - now));
  }

  private async attempt(p: Pending): Promise<void> {
    this.inFlight++;
    p.attempts++;
    this.report.attempts++;
    const target = this.options.targets[this.turn++ % this.options.targets.length];
    let status = 0;
    try {
      const response = await fetch(target + (this.options.path ?? '/api/whatsapp/webhook'), {
        method: 'POST',
        body: p.delivery.body,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': p.delivery.signature },
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    this.inFlight--;
    const outcome = status === 0 ? 'network' : String(status);
    this.report.outcomes[outcome] = (this.report.outcomes[outcome] ?? 0) + 1;
    this.ackListeners.forEach((listener) => listener(p.delivery, status));
    if (status === 200) {
      this.report.acked++;
      p.resolve();
    } else {
      const base = this.options.backoffBaseMs ?? 100;
      const cap = Math.min(base * 2 ** (p.attempts - 1), this.options.backoffMaxMs ?? 2_000);
      this.waiting.push({ ...p, dueAt: Date.now() + cap / 2 + (Math.random() * cap) / 2 });
    }
    this.pump();
  }
}
