import { PhoneNumber } from '../../../shared/phone/PhoneNumber';
import type { ProviderName } from '../../../shared/providers';
import type { Route } from '../../../shared/channel/InboundEvent';
import type { WhatsappConfiguration } from '../domain/WhatsappConfiguration';

/** Connections that share one webhook secret (a provider's app serving several tenants shares its app secret). */
export interface SecretGroup {
  secret: string;
  connectionIds: ReadonlySet<string>;
}

const firstBy = <K>(configs: WhatsappConfiguration[], key: (c: WhatsappConfiguration) => K | undefined) => {
  const index = new Map<K, WhatsappConfiguration>();
  for (const c of configs) {
    const k = key(c);
    if (k !== undefined && !index.has(k)) index.set(k, c);
  }
  return index;
};

/**
 * Every connection at one moment, indexed for the webhook path: routing an event and finding the
 * secrets that may have signed a delivery cost map lookups, not scans or queries.
 */
export class ConnectionSnapshot {
  private readonly byPhoneNumberId: Map<string, WhatsappConfiguration>;
  private readonly byWaba: Map<string, WhatsappConfiguration>;
  private readonly byPhone: Map<string, WhatsappConfiguration>;
  private readonly groups = new Map<string, SecretGroup[]>();

  constructor(readonly all: readonly WhatsappConfiguration[]) {
    const configs = [...all];
    this.byPhoneNumberId = firstBy(configs, (c) => c.phoneNumberId);
    this.byWaba = firstBy(configs, (c) => c.businessAccountId);
    this.byPhone = firstBy(configs, (c) => c.phoneNumber);
  }

  ofProvider(...providers: ProviderName[]): WhatsappConfiguration[] {
    return this.all.filter((c) => providers.includes(c.provider));
  }

  /** The tenant's connection (of that provider), an active one first. */
  forTenant(tenantId: string, provider?: ProviderName): WhatsappConfiguration | undefined {
    const mine = this.all.filter((c) => c.tenantId === tenantId && (!provider || c.provider === provider));
    return mine.find((c) => c.status === 'active') ?? mine[0];
  }

  /** Meta: phone_number_id, then the WABA id (template and account events carry only that), then the display number. */
  route(route: Route): WhatsappConfiguration | undefined {
    const byId =
      (route.phoneNumberId && this.byPhoneNumberId.get(route.phoneNumberId)) ||
      (route.wabaId && this.byWaba.get(route.wabaId));
    if (byId || !route.businessPhone) return byId || undefined;
    // Meta's test numbers (+1 555 …) are not valid to libphonenumber: compare them as given.
    return this.byPhone.get(PhoneNumber.tryParse(route.businessPhone)?.e164 ?? route.businessPhone);
  }

  /** The distinct webhook secrets of these providers' connections, each with the connections holding it. */
  secretGroups(...providers: ProviderName[]): SecretGroup[] {
    const key = providers.join(',');
    let groups = this.groups.get(key);
    if (!groups) {
      const bySecret = new Map<string, Set<string>>();
      for (const c of this.ofProvider(...providers)) {
        const secret = c.credentials.webhookSecret;
        if (secret) bySecret.set(secret, (bySecret.get(secret) ?? new Set()).add(c.id));
      }
      groups = [...bySecret].map(([secret, connectionIds]) => ({ secret, connectionIds }));
      this.groups.set(key, groups);
    }
    return groups;
  }
}
