import type { Tenant } from '../../identity/domain/Tenant';
import type { ContactRepository } from '../domain/Contact';

type TenantLanguage = Pick<Tenant, 'id' | 'defaultLanguage'>;

/**
 * The language to write to each customer in (SPEC §19): their contact's (set by staff, else
 * detected from their messages), falling back to the tenant's.
 */
export async function customerLanguages(
  contacts: ContactRepository,
  tenant: TenantLanguage,
  phones: readonly string[],
): Promise<(phone: string) => string> {
  const known = await contacts.languages(tenant.id, phones);
  return (phone) => known.get(phone) ?? tenant.defaultLanguage;
}

/** The tenant and the language to write to one customer in: whom a notification is for. */
export const customerReader = async (
  contacts: ContactRepository,
  tenant: TenantLanguage,
  phone: string,
): Promise<{ tenantId: string; language: string }> => ({
  tenantId: tenant.id,
  language: (await customerLanguages(contacts, tenant, [phone]))(phone),
});
