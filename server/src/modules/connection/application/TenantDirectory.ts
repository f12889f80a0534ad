import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { ProviderName } from '../../../shared/providers';
import { TYPES } from '../../../types';
import type { Route } from '../../../shared/channel/InboundEvent';
import type { WhatsappConfiguration, WhatsappConfigurationRepository } from '../domain/WhatsappConfiguration';
import { ConnectionSnapshot } from './ConnectionSnapshot';

/** How long an instance trusts its copy: a change made elsewhere (another instance, the CLI) shows within this. */
export const DIRECTORY_TTL_MS = 30_000;

/**
 * Which tenant a delivery belongs to, and which secrets can verify it. Read on every webhook, so it
 * is an in-memory snapshot refreshed every 30 s, or at once after a change made in this process
 * (`invalidate`, called by the connection use cases).
 */
@injectable()
export class TenantDirectory {
  private current = new ConnectionSnapshot([]);
  private loadedAt = -Infinity;
  private loading?: Promise<void>;
  /** Bumped by `invalidate`: a load that began before it must not count as fresh. */
  private generation = 0;

  constructor(
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly repository: WhatsappConfigurationRepository,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.generation++;
    this.loadedAt = -Infinity;
    this.loading = undefined;
  }

  async snapshot(): Promise<ConnectionSnapshot> {
    if (this.clock.now().getTime() - this.loadedAt > DIRECTORY_TTL_MS) await (this.loading ??= this.load());
    return this.current;
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    try {
      const snapshot = new ConnectionSnapshot(await this.repository.listAll());
      if (generation !== this.generation) return; // a change landed meanwhile: the next read loads again
      this.current = snapshot;
      this.loadedAt = this.clock.now().getTime();
    } finally {
      if (generation === this.generation) this.loading = undefined;
    }
  }

  async all(): Promise<WhatsappConfiguration[]> {
    return [...(await this.snapshot()).all];
  }

  async ofProvider(...providers: ProviderName[]): Promise<WhatsappConfiguration[]> {
    return (await this.snapshot()).ofProvider(...providers);
  }

  async forTenant(tenantId: string, provider?: ProviderName): Promise<WhatsappConfiguration | undefined> {
    return (await this.snapshot()).forTenant(tenantId, provider);
  }

  async route(route: Route): Promise<WhatsappConfiguration | undefined> {
    return (await this.snapshot()).route(route);
  }
}
