import type { AccountEvent } from '../../../shared/channel/InboundEvent';
import type { ConnectionStatus, QualityRating } from './ConnectionStatus';

export type Severity = 'info' | 'warning' | 'critical';

/** What an account webhook means for a connection: its new health fields and how loudly to say it. */
export interface AccountEventEffect {
  severity: Severity;
  /** One line for the audit log and the managers' alert. */
  summary: string;
  status?: ConnectionStatus;
  qualityRating?: QualityRating;
  messagingLimitTier?: string;
  nameStatus?: string;
  verifiedName?: string;
}

type Rule = Omit<AccountEventEffect, 'messagingLimitTier'>;

/** account_update `event` (Meta's webhook reference, account_update). */
const ACCOUNT_UPDATE: Record<string, Rule> = {
  ACCOUNT_DELETED: {
    severity: 'critical',
    status: 'disconnected',
    summary: 'the WhatsApp Business Account was deleted',
  },
  ACCOUNT_OFFBOARDED: {
    severity: 'critical',
    status: 'disconnected',
    summary: 'the account was offboarded (device change or re-registration)',
  },
  ACCOUNT_RECONNECTED: { severity: 'info', status: 'active', summary: 'the account was reconnected' },
  PARTNER_REMOVED: {
    severity: 'critical',
    status: 'disconnected',
    summary: 'the account is no longer shared with the partner',
  },
  PARTNER_APP_UNINSTALLED: {
    severity: 'critical',
    status: 'disconnected',
    summary: "the business removed the app's permissions",
  },
  ACCOUNT_RESTRICTION: { severity: 'critical', summary: 'the account is restricted' },
  ACCOUNT_VIOLATION: { severity: 'critical', summary: 'the account violated a WhatsApp policy' },
};

/** account_update DISABLED_UPDATE `ban_info.waba_ban_state`. */
const BAN_STATE: Record<string, Rule> = {
  DISABLE: { severity: 'critical', status: 'suspended', summary: 'the account was disabled' },
  SCHEDULE_FOR_DISABLE: { severity: 'critical', summary: 'the account is scheduled to be disabled' },
  REINSTATE: { severity: 'info', status: 'active', summary: 'the account was reinstated' },
};

/** account_review_update `decision`: PENDING and DEFERRED accounts cannot use the API yet. */
const REVIEW: Record<string, Rule> = {
  APPROVED: { severity: 'info', status: 'active', summary: 'the account review was approved' },
  REJECTED: { severity: 'critical', status: 'suspended', summary: 'the account review was rejected' },
  PENDING: { severity: 'warning', status: 'pending', summary: 'the account review is pending' },
  DEFERRED: { severity: 'warning', status: 'pending', summary: 'the account review was deferred' },
};

/** phone_number_quality_update `event`: FLAGGED means the quality rating dropped to low. */
const QUALITY: Record<string, Rule> = {
  FLAGGED: { severity: 'warning', qualityRating: 'RED', summary: 'the number was flagged for low quality' },
  UNFLAGGED: { severity: 'info', qualityRating: 'UNKNOWN', summary: 'the low-quality flag was lifted' },
  DOWNGRADE: { severity: 'warning', summary: 'the messaging limit was lowered' },
};

const NAME: Record<string, Severity> = {
  APPROVED: 'info',
  PENDING: 'info',
  DEFERRED: 'warning',
  REJECTED: 'critical',
};

const ALERT_SEVERITY: Record<string, Severity> = { CRITICAL: 'critical', WARNING: 'warning' };

/** Messaging-limit tiers, lowest first. */
const TIERS = [
  'TIER_NOT_SET',
  'TIER_50',
  'TIER_250',
  'TIER_1K',
  'TIER_2K',
  'TIER_10K',
  'TIER_100K',
  'TIER_UNLIMITED',
];

const withDetail = (summary: string, detail?: string) => (detail ? `${summary}: ${detail}` : summary);

function ruleOf(e: AccountEvent): Rule {
  const event = e.event ?? '';
  switch (e.field) {
    case 'account_update':
      return (
        (event === 'DISABLED_UPDATE' ? BAN_STATE[e.banState ?? ''] : ACCOUNT_UPDATE[event]) ?? {
          severity: /FAILED|REVOKED|DISCARDED/.test(e.detail ?? '') ? 'warning' : 'info',
          summary: `account update ${event || 'received'}`,
        }
      );
    case 'account_review_update':
      return REVIEW[event] ?? { severity: 'info', summary: `account review: ${event || 'unknown'}` };
    case 'account_alerts':
      return {
        severity: ALERT_SEVERITY[e.alertSeverity ?? ''] ?? 'info',
        summary: `alert ${event || 'received'}`,
      };
    case 'phone_number_quality_update':
      return QUALITY[event] ?? { severity: 'info', summary: `quality update ${event || 'received'}` };
    case 'phone_number_name_update':
      return {
        severity: NAME[event] ?? 'info',
        summary: `display name ${e.requestedName ? `"${e.requestedName}" ` : ''}${event.toLowerCase() || 'reviewed'}`,
        nameStatus: event || undefined,
        verifiedName: event === 'APPROVED' ? e.requestedName : undefined,
      };
    case 'business_capability_update':
      return { severity: 'info', summary: 'business capabilities changed' };
  }
}

/**
 * The effect of one account event on a connection whose messaging limit is `currentTier`: a
 * limit that goes down is worth a warning whatever the event.
 */
export function accountEventEffect(e: AccountEvent, currentTier?: string): AccountEventEffect {
  const rule = ruleOf(e);
  const tier = e.messagingLimitTier;
  const lowered =
    tier && currentTier && TIERS.indexOf(tier) >= 0 && TIERS.indexOf(tier) < TIERS.indexOf(currentTier);
  return {
    ...rule,
    ...(tier && { messagingLimitTier: tier }),
    severity: lowered && rule.severity === 'info' ? 'warning' : rule.severity,
    summary: withDetail(
      lowered ? `${rule.summary}; messaging limit ${currentTier} → ${tier}` : rule.summary,
      e.detail,
    ),
  };
}
