import type { QualityRating } from './ConnectionStatus';
import type { WhatsappConfiguration } from './WhatsappConfiguration';

/** What the provider answered about a number; `error` says why it is not usable when `ok` is false. */
export interface ProbeResult {
  ok: boolean;
  displayPhoneNumber?: string;
  verifiedName?: string;
  qualityRating?: QualityRating;
  messagingLimitTier?: string;
  nameStatus?: string;
  /** Twilio: the account's status (`active`, `suspended`, `closed`). */
  accountStatus?: string;
  /** 360dialog: where the number's webhook is registered. */
  webhookUrl?: string;
  error?: string;
}

/**
 * Port: asks the provider about a connection (Meta: the phone number's fields; Twilio: the
 * account; 360dialog: the webhook config), at the configured API base URLs only.
 */
export interface ConnectionProbe {
  probe(connection: WhatsappConfiguration): Promise<ProbeResult>;
}
