import { stopsMarketing, type Consent } from '../../optin/domain/OptIn';
import type { BroadcastRecipient, RecipientStatus } from './Broadcast';

/**
 * SPEC §8/§10: broadcasts go only to customers who opted in; everyone else is recorded as skipped
 * with the reason. A MARKETING template also skips customers who stopped marketing messages.
 */
export function recipientStatus(consent: Consent | undefined, templateCategory?: string): RecipientStatus {
  if (!consent) return 'skipped_no_opt_in';
  if (consent.status === 'opted_out') return 'skipped_opted_out';
  if (stopsMarketing(consent, templateCategory)) return 'skipped_marketing';
  return 'queued';
}

/** The decision for each distinct phone, in the order given. */
export function selectRecipients(
  phones: string[],
  consents: Map<string, Consent>,
  templateCategory: string | undefined,
): Array<Omit<BroadcastRecipient, 'messageId'>> {
  return [...new Set(phones)].map((phone) => ({
    phone,
    status: recipientStatus(consents.get(phone), templateCategory),
  }));
}
