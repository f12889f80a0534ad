import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { BusinessNumbers } from '../domain/ClickToChat';

/**
 * The number of the tenant's oldest connection that is not disconnected: Meta's display number
 * when a test or onboarding fetched it, else the number it was added with. A `console` connection
 * (`wa-ops connections add --provider console --phone-number +E164`) is a number without an API.
 */
@injectable()
export class KnexBusinessNumbers implements BusinessNumbers {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async numberOf(tenantId: string): Promise<string | undefined> {
    const row = (await this.db
      .q('whatsapp_configurations')
      .where({ tenant_id: tenantId })
      .whereNot({ status: 'disconnected' })
      .where((q) => q.whereNotNull('display_phone_number').orWhereNotNull('phone_number'))
      .orderBy('created_at')
      .first('display_phone_number', 'phone_number')) as
      { display_phone_number: string | null; phone_number: string | null } | undefined;
    return row ? (row.display_phone_number ?? row.phone_number ?? undefined) : undefined;
  }
}
