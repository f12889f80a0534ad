import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { WhatsappConfigurationRepository } from '../../../whatsapp/configuration/WhatsappConfiguration';
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
  ) {}

  async execute(): Promise<Tenant> {
    const wa = this.config.whatsapp;
    return this.unitOfWork.run(async () => {
      const tenant =
        (await this.tenants.findBySlug(DEFAULT_TENANT_SLUG)) ??
        (await this.tenants.create({ slug: DEFAULT_TENANT_SLUG, name: 'Default' }));
      await this.configurations.save({
        tenantId: tenant.id,
        provider: wa.provider,
        phoneNumber: wa.phoneNumber,
        phoneNumberId: wa.phoneNumberId,
        businessAccountId: wa.businessAccountId,
        verifyToken: wa.verifyToken,
        credentials: {
          accessToken: wa.accessToken,
          webhookSecret: wa.webhookSecret,
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
