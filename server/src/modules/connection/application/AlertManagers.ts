import { inject, injectable } from 'inversify';
import { TYPES } from '../../../types';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import { staffAlert } from '../../message/domain/notification';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { StaffDirectory } from '../../trip/domain/StaffDirectory';

/**
 * The tenant's active managers get an `account_alert` notification about one of its WhatsApp
 * accounts (an account webhook, a token about to expire, an authentication error). Queued in the
 * caller's transaction; returns the phones alerted.
 */
@injectable()
export class AlertManagers {
  constructor(
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.StaffDirectory) private readonly staff: StaffDirectory,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
  ) {}

  /** `only` narrows the recipients (e.g. to those not alerted yet). */
  async execute(
    tenantId: string,
    account: string,
    summary: string,
    only?: (phone: string) => Promise<boolean>,
  ): Promise<string[]> {
    const language = (await this.tenants.findById(tenantId))?.defaultLanguage ?? 'en';
    const alerted: string[] = [];
    for (const manager of await this.staff.activeByRoles(tenantId, ['manager'])) {
      if (only && !(await only(manager.phone))) continue;
      await this.outbound.enqueue(
        staffAlert(tenantId, manager.phone, 'account_alert', [account, summary], language, {
          accountAlert: summary,
        }),
      );
      alerted.push(manager.phone);
    }
    return alerted;
  }
}
