import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processRegistry } from './processRegistry';

export type WebhookOutcome =
  'stored' | 'duplicate' | 'invalid_signature' | 'malformed' | 'unavailable' | 'error';
export type SendOutcome = 'sent' | 'retry' | 'failed';
export type JobOutcome = 'succeeded' | 'failed' | 'aborted';

/** Reads a gauge's current values at scrape time (e.g. one query for queue depth by status). */
export type GaugeSource = () => Promise<Array<{ labels: Record<string, string>; value: number }>>;

/**
 * The service's Prometheus instruments, one method per thing worth counting. Names are part of
 * the operations contract (docs/operations.md): change them only with the dashboards.
 */
export class Metrics {
  readonly registry = new Registry();

  private readonly webhookDeliveries = new Counter({
    name: 'waops_webhook_deliveries_total',
    help: 'Webhook deliveries received, by provider and outcome',
    labelNames: ['provider', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly ackDuration = new Histogram({
    name: 'waops_webhook_ack_duration_seconds',
    help: 'Time from a webhook request arriving to its acknowledgement',
    labelNames: ['provider'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly inboundLag = new Histogram({
    name: 'waops_inbound_processing_lag_seconds',
    help: 'Time from a webhook event being stored to its processing commit',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  private readonly sends = new Counter({
    name: 'waops_outbound_sends_total',
    help: 'Send attempts to the provider, by provider, outcome and provider error code',
    labelNames: ['provider', 'outcome', 'error_code'] as const,
    registers: [this.registry],
  });

  private readonly panic = new Gauge({
    name: 'waops_panic_mode',
    help: '1 while a tenant is in panic mode (sending paused), else 0',
    labelNames: ['tenant'] as const,
    registers: [this.registry],
  });

  private readonly rateLimitWaits = new Histogram({
    name: 'waops_rate_limit_wait_seconds',
    help: 'Waits imposed by the rate limiter before a send, by tenant',
    labelNames: ['tenant'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [this.registry],
  });

  private readonly jobRuns = new Counter({
    name: 'waops_job_runs_total',
    help: 'Scheduled or manual job runs on this instance, by job and outcome',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly jobDuration = new Histogram({
    name: 'waops_job_duration_seconds',
    help: 'Duration of job runs on this instance',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });

  private readonly authFailures = new Counter({
    name: 'waops_auth_failures_total',
    help: 'Failed authentications (API keys, verify tokens, outbox and metrics tokens), by surface',
    labelNames: ['surface'] as const,
    registers: [this.registry],
  });

  private readonly authRefusals = new Counter({
    name: 'waops_auth_rate_limited_total',
    help: 'Authentication attempts refused with 429 because their client failed too often, by surface',
    labelNames: ['surface'] as const,
    registers: [this.registry],
  });

  /** A webhook request answered: `seconds` from arrival to the response. */
  webhookAcknowledged(provider: string, outcome: WebhookOutcome, seconds: number): void {
    this.webhookDeliveries.inc({ provider, outcome });
    this.ackDuration.observe({ provider }, seconds);
  }

  /** An inbox event committed `seconds` after it was stored. */
  inboundProcessed(seconds: number): void {
    this.inboundLag.observe(Math.max(0, seconds));
  }

  /** One send attempt's outcome; `errorCode` is the provider's code when it refused. */
  sendAttempted(provider: string, outcome: SendOutcome, errorCode?: string | number): void {
    this.sends.inc({ provider, outcome, error_code: errorCode === undefined ? '' : String(errorCode) });
  }

  /** Panic mode entered (true) or left (false) for a tenant. */
  panicState(tenantId: string, active: boolean): void {
    this.panic.set({ tenant: tenantId }, active ? 1 : 0);
  }

  /** The rate limiter made a send wait `seconds`. */
  rateLimitWaited(tenantId: string, seconds: number): void {
    this.rateLimitWaits.observe({ tenant: tenantId }, seconds);
  }

  authFailed(surface: string): void {
    this.authFailures.inc({ surface });
  }

  authRateLimited(surface: string): void {
    this.authRefusals.inc({ surface });
  }

  jobFinished(job: string, outcome: JobOutcome, seconds: number): void {
    this.jobRuns.inc({ job, outcome });
    this.jobDuration.observe({ job }, seconds);
  }

  /** A gauge whose values are read at scrape time from `source`. */
  gaugeFromSource(name: string, help: string, labelNames: string[], source: GaugeSource): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await source()) this.set(labels, value);
      },
    });
  }

  /** The exposition text: these instruments plus the process metrics (CPU, memory, event loop, GC). */
  async scrape(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processRegistry(), this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}
