import { PhoneNumber } from './PhoneNumber';

/**
 * How a WhatsApp user is keyed in every table: E.164 from the WhatsApp id, or the business-scoped
 * user id when no phone is shared (2026 usernames); undefined with neither.
 */
export function customerKeyOf(waId: string | undefined, userId: string | undefined): string | undefined {
  // wa_ids are authoritative: the number Meta delivered for, quirks applied, kept even if unknown to the metadata.
  if (waId) return PhoneNumber.tryFromWhatsAppId(waId)?.e164 ?? `+${waId.replace(/\D/g, '')}`;
  return userId || undefined;
}
