/**
 * Why a message goes out decides what the dispatcher may do with it outside the 24-hour window:
 * `reply` answers someone who just wrote; `notification` (alerts, incident updates, payment links)
 * falls back to its `template`; `broadcast` is template-only; `manual` is a staff send.
 */
export type OutboundPurpose = 'reply' | 'notification' | 'broadcast' | 'manual';
