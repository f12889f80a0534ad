import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { ReadReceipts } from '../../../modules/message/domain/ReadReceipts';
import type { TenantDirectory } from '../../../modules/connection/application/TenantDirectory';
import type { WhatsappProviders } from '../provider/WhatsappProvider';

const MAX_IN_FLIGHT = 32;
const TIMEOUT_MS = 10_000;

/**
 * Blue ticks for inbound messages we have handled (tenant setting `markAsRead` in
 * whatsapp_configurations.settings, on unless set to false). Best-effort: fired and forgotten,
 * never awaited by processing, failures logged at debug level, and dropped when too many are in
 * flight. A delivery that is later rolled back and processed again is just marked twice.
 */
@injectable()
export class MarkInboundRead implements ReadReceipts {
  private inFlight = 0;

  constructor(
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.WhatsappProviders) private readonly providers: WhatsappProviders,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  handled(tenantId: string, providerMessageId: string): void {
    this.fire(tenantId, providerMessageId, { automatic: true });
  }

  readByStaff(tenantId: string, providerMessageId: string): void {
    this.fire(tenantId, providerMessageId, { automatic: false });
  }

  typing(tenantId: string, providerMessageId: string): Promise<boolean> {
    return this.markRead(tenantId, providerMessageId, { automatic: false, typing: true });
  }

  private fire(tenantId: string, providerMessageId: string, how: { automatic: boolean }): void {
    if (this.inFlight >= MAX_IN_FLIGHT) return;
    this.inFlight++;
    void this.markRead(tenantId, providerMessageId, how).finally(() => this.inFlight--);
  }

  private async markRead(
    tenantId: string,
    providerMessageId: string,
    how: { automatic: boolean; typing?: boolean },
  ): Promise<boolean> {
    try {
      const account =
        (await this.directory.forTenant(tenantId, this.config.whatsapp.provider)) ??
        (await this.directory.forTenant(tenantId));
      if (!account || (how.automatic && account.settings.markAsRead === false)) return false;
      await this.providers
        .forProvider(account.provider)
        .markAsRead(account, providerMessageId, AbortSignal.timeout(TIMEOUT_MS), { typing: how.typing });
      return account.provider !== 'twilio' || !how.typing;
    } catch (error) {
      this.logger.debug(
        { err: error, tenantId, providerMessageId },
        'could not mark an inbound message read',
      );
      return false;
    }
  }
}
