import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { WhatsappConfigurationRepository } from '../../connection/domain/WhatsappConfiguration';
import { CONSOLE_PHONE_NUMBER_ID } from '../../../shared/channel/consoleChannel';
import { DEFAULT_TENANT_SLUG, type Tenant } from '../domain/Tenant';
import type { TenantRepository } from '../domain/TenantRepository';

/**
 * The environment describes the default tenant: created on first start, its WhatsApp
 * configuration refreshed from the environment on every start (the environment wins).
 */
@injectable()
export class EnsureDefaultTenant {
  constructor(
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly configurations: WhatsappConfigurationRepository,
    @inject(TYPES.ConsoleWebhookSecret) private readonly consoleSecret: string,
  ) {}

  async execute(): Promise<Tenant> {
    const wa = this.config.whatsapp;
    // The console channel works with no configuration: `wa-ops simulate` can talk to it at once.
    const isConsole = wa.provider === 'console';
    return this.unitOfWork.run(async () => {
      const tenant =
        (await this.tenants.findBySlug(DEFAULT_TENANT_SLUG)) ??
        (await this.tenants.create({ slug: DEFAULT_TENANT_SLUG, name: 'Default' }));
      await this.configurations.save({
        tenantId: tenant.id,
        provider: wa.provider,
        phoneNumber: wa.phoneNumber,
        phoneNumberId: wa.phoneNumberId ?? (isConsole ? CONSOLE_PHONE_NUMBER_ID : undefined),
        businessAccountId: wa.businessAccountId,
        verifyToken: wa.verifyToken,
        credentials: {
          accessToken: wa.accessToken,
          webhookSecret: wa.webhookSecret ?? (isConsole ? this.consoleSecret : undefined),
          dialog360ApiKey: wa.dialog360ApiKey,
          twilioAccountSid: wa.twilioAccountSid,
          twilioAuthToken: wa.twilioAuthToken,
        },
        settings: {},
      });
      return tenant;
    });
  }
}
