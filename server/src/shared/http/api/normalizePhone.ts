import type { TenantRepository } from '../../../modules/identity/domain/TenantRepository';
import { ValidationError } from '../../errors/AppError';
import { PhoneNumber, type CountryCode } from '../../phone/PhoneNumber';

/**
 * A phone from a query or body in any format PhoneNumber understands, as the E.164 stored in
 * rows; national numbers use the tenant's region. 400 naming `field` otherwise.
 */
export async function normalizePhone(
  tenants: TenantRepository,
  tenantId: string,
  raw: string,
  field = 'phone',
  where: 'query' | 'body' | 'path' = 'query',
): Promise<string> {
  const tenant = await tenants.findById(tenantId);
  const phone = PhoneNumber.tryParse(raw, tenant?.defaultRegion as CountryCode | undefined);
  if (!phone)
    throw new ValidationError(`${field} is not a phone number`, [
      { field, message: 'is not a valid phone number', in: where },
    ]);
  return phone.e164;
}
