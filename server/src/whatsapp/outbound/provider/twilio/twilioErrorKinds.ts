import type { ProviderFailureKind } from '../ProviderError';

/**
 * Twilio error codes by how the dispatcher must treat them (Twilio's error dictionary and its
 * WhatsApp mapping). Codes not listed fall back to the HTTP status.
 */
export const TWILIO_ERROR_KINDS: Readonly<Record<number, ProviderFailureKind>> = {
  20003: 'auth', // authentication failed
  20005: 'auth', // account not active
  21606: 'auth', // the From number cannot send (not a WhatsApp sender of this account)
  63007: 'auth', // no WhatsApp channel for the From address
  63112: 'auth', // Meta disabled the business account
  20429: 'throttled', // too many requests
  63018: 'throttled', // WhatsApp rate limit
  63038: 'throttled', // daily message limit of the account
  21211: 'permanent', // invalid To number
  21408: 'permanent', // region not enabled
  21610: 'permanent', // the recipient unsubscribed
  21614: 'permanent', // To is not a valid mobile number
  21656: 'permanent', // invalid ContentVariables
  63003: 'permanent', // invalid recipient for the channel
  63005: 'permanent', // the channel refused the content
  63016: 'permanent', // outside the 24-hour window: use a template
  63024: 'permanent', // invalid message recipient
  63027: 'permanent', // template does not exist for this language
  63028: 'permanent', // template parameter count mismatch
  63032: 'permanent', // WhatsApp 472: the user's number is part of an experiment (not 131050)
  20500: 'retryable', // internal error
  20503: 'retryable', // service unavailable
};
