import type { Route } from './Route';

/** Meta's account-health webhook fields (SPEC §15). */
export const ACCOUNT_FIELDS = [
  'account_update',
  'account_review_update',
  'account_alerts',
  'phone_number_quality_update',
  'phone_number_name_update',
  'business_capability_update',
] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

/**
 * Something Meta says about the business account or one of its numbers: a ban, a review decision,
 * a quality flag, a new messaging limit, a display-name decision. `route` has the WABA id, and the
 * number when the event names one (`display_phone_number`, or a PHONE_NUMBER entity of an alert).
 */
export interface AccountEvent {
  kind: 'account';
  route: Route;
  field: AccountField;
  /** `event`, `decision` or `alert_info.alert_type`, whichever the field carries. */
  event?: string;
  /** The business portfolio's messaging limit (`max_daily_conversations_per_business`, else `current_limit`). */
  messagingLimitTier?: string;
  /** account_update DISABLED_UPDATE: `DISABLE`, `REINSTATE`, `SCHEDULE_FOR_DISABLE`. */
  banState?: string;
  /** account_alerts: `CRITICAL`, `WARNING`, `INFORMATIONAL`. */
  alertSeverity?: string;
  /** phone_number_name_update: the name asked for (shown once APPROVED). */
  requestedName?: string;
  /** A human-readable reason: alert description, violation, rejection reason, restrictions. */
  detail?: string;
  /** `entry[].time`, when Meta gives it. */
  timestamp?: Date;
  raw: Record<string, unknown>;
}

/** `user_preferences`: a customer stopped (`stop`) or resumed (`resume`) marketing messages. */
export interface UserPreferenceEvent {
  kind: 'user_preference';
  route: Route;
  waId?: string;
  userId?: string;
  category: string;
  value: string;
  timestamp?: Date;
  raw: Record<string, unknown>;
}

/**
 * `template_category_update`: Meta recategorised a template (`previousCategory` → `newCategory`),
 * or announces it will (`correctCategory`, at `effectiveAt`), which changes nothing yet.
 */
export interface TemplateCategoryEvent {
  kind: 'template_category';
  route: Route;
  providerTemplateId?: string;
  name: string;
  language: string;
  newCategory: string;
  previousCategory?: string;
  correctCategory?: string;
  effectiveAt?: Date;
  timestamp?: Date;
  raw: Record<string, unknown>;
}
