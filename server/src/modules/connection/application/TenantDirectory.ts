import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { PhoneNumber } from '../../../shared/phone/PhoneNumber';
import type { ProviderName } from '../../../shared/providers';
import { TYPES } from '../../../types';
import type { Route } from '../../../shared/channel/InboundEvent';
import type { WhatsappConfiguration, WhatsappConfigurationRepository } from '../domain/WhatsappConfiguration';

const TTL_MS = 30_000;

/**
 * Which tenant a delivery belongs to, and which secrets can verify it. Read on every webhook, so it
 * is an in-memory snapshot refreshed every 30 s (or at once through `invalidate`).
 */
@injectable()
export class TenantDirectory {
  private snapshot: WhatsappConfiguration[] = [];
  private loadedAt = -Infinity;
  private loading?: Promise<void>;

  constructor(
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly repository: WhatsappConfigurationRepository,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.loadedAt = -Infinity;
  }

  async all(): Promise<WhatsappConfiguration[]> {
    if (this.clock.now().getTime() - this.loadedAt > TTL_MS) {
      this.loading ??= this.repository
        .listAll()
        .then((configs) => {
          this.snapshot = configs;
          this.loadedAt = this.clock.now().getTime();
        })
        .finally(() => (this.loading = undefined));
      await this.loading;
    }
    return this.snapshot;
  }

  async ofProvider(...providers: ProviderName[]): Promise<WhatsappConfiguration[]> {
    return (await this.all()).filter((c) => providers.includes(c.provider));
  }

  async forTenant(tenantId: string, provider?: ProviderName): Promise<WhatsappConfiguration | undefined> {
    return (await this.all()).find((c) => c.tenantId === tenantId && (!provider || c.provider === provider));
  }

  /** Meta: phone_number_id, then the WABA id (template events carry only that), then the display number. */
  async route(route: Route): Promise<WhatsappConfiguration | undefined> {
    const configs = await this.all();
    const byId =
      (route.phoneNumberId && configs.find((c) => c.phoneNumberId === route.phoneNumberId)) ||
      (route.wabaId && configs.find((c) => c.businessAccountId === route.wabaId));
    if (byId || !route.businessPhone) return byId || undefined;
    // Meta's test numbers (+1 555 …) are not valid to libphonenumber: compare them as given.
    const phone = PhoneNumber.tryParse(route.businessPhone)?.e164 ?? route.businessPhone;
    return configs.find((c) => c.phoneNumber === phone);
  }
}
