import { inject, injectable } from 'inversify';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { TenantRepository } from '../domain/TenantRepository';

export interface AuthenticationThrottled {
  /** The client address (an IPv6 client by its /64). */
  client: string;
  /** Where the failed credentials were presented: api_key, webhook_verify_token, … */
  surface: string;
  failures: number;
  windowSeconds: number;
}

/**
 * A client failed to authenticate too often and is being refused (429). Who it was after is
 * unknown (it never authenticated), so every tenant's managers see it in their audit log.
 */
@injectable()
export class RecordAuthenticationThrottled {
  constructor(
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(throttled: AuthenticationThrottled): Promise<void> {
    const tenants = await this.tenants.list();
    await this.audit.recordAll(
      tenants.map((tenant) => ({
        tenantId: tenant.id,
        actor: 'system',
        action: 'AUTHENTICATION_THROTTLED',
        details: { ...throttled },
      })),
    );
  }
}
