import type {
  AccountEvent,
  AccountField,
  Route,
  TemplateCategoryEvent,
  UserPreferenceEvent,
} from '../../shared/channel/InboundEvent';
import { compact } from './compact';
import type { JsonReader } from './JsonReader';

/**
 * Meta's account-health fields (shapes from Meta's webhook reference, "account_update",
 * "account_alerts", … as of 2026-09). Read leniently: Meta adds events and fields without notice,
 * and the raw value is kept; only the envelope is required.
 */
export function parseAccountEvent(field: AccountField, value: JsonReader, entry: JsonReader): AccountEvent {
  // Partner events arrive under the partner's id; the customer's WABA is in waba_info.
  const wabaId = value.obj('waba_info')?.id('waba_id') ?? entry.id('id');
  const alert = value.obj('alert_info');
  const phoneEntity = value.str('entity_type') === 'PHONE_NUMBER' ? value.id('entity_id') : undefined;
  return compact({
    kind: 'account' as const,
    route: compact({ wabaId, phoneNumberId: phoneEntity, businessPhone: displayPhone(value) }) as Route,
    field,
    event: value.str('event') ?? value.str('decision') ?? alert?.str('alert_type'),
    messagingLimitTier: tier(value.value.max_daily_conversations_per_business ?? value.value.current_limit),
    banState: value.obj('ban_info')?.str('waba_ban_state'),
    alertSeverity: alert?.str('alert_severity'),
    requestedName: value.str('requested_verified_name'),
    detail: detailOf(value),
    timestamp: timeOf(entry),
    raw: value.value,
  });
}

/** `user_preferences`: one event per user in the change. */
export function parseUserPreferences(value: JsonReader, entry: JsonReader): UserPreferenceEvent[] {
  const metadata = value.obj('metadata');
  const route: Route = compact({
    phoneNumberId: metadata?.str('phone_number_id'),
    businessPhone: metadata ? displayPhone(metadata) : undefined,
    wabaId: entry.id('id'),
  });
  return value
    .list('user_preferences')
    .filter((p) => p.str('value') && (p.str('wa_id') || p.str('user_id')))
    .map((p) =>
      compact({
        kind: 'user_preference' as const,
        route,
        waId: p.str('wa_id'),
        userId: p.str('user_id'),
        category: p.str('category') ?? 'marketing_messages',
        value: p.requiredStr('value'),
        timestamp: p.num('timestamp') !== undefined ? new Date(p.num('timestamp')! * 1000) : timeOf(entry),
        raw: p.value,
      }),
    );
}

export function parseTemplateCategory(value: JsonReader, entry: JsonReader): TemplateCategoryEvent {
  const effective = value.num('category_update_timestamp');
  return compact({
    kind: 'template_category' as const,
    // Templates belong to the WABA: without its id the tenant cannot be found.
    route: { wabaId: entry.requiredId('id') },
    providerTemplateId: value.id('message_template_id'),
    name: value.requiredStr('message_template_name'),
    language: value.requiredStr('message_template_language').replace(/-/g, '_'),
    newCategory: value.requiredStr('new_category'),
    previousCategory: value.str('previous_category'),
    correctCategory: value.str('correct_category'),
    effectiveAt: effective !== undefined ? new Date(effective * 1000) : undefined,
    timestamp: timeOf(entry),
    raw: value.value,
  });
}

const displayPhone = (value: JsonReader): string | undefined => {
  const digits = value.str('display_phone_number')?.replace(/\D/g, '');
  return digits ? `+${digits}` : undefined;
};

const timeOf = (entry: JsonReader): Date | undefined => {
  const seconds = entry.num('time');
  return seconds !== undefined ? new Date(seconds * 1000) : undefined;
};

/** Limits come as `TIER_2K` (phone_number_quality_update) or as numbers (business_capability_update). */
const NUMERIC_TIERS: Record<string, string> = {
  '-1': 'TIER_UNLIMITED',
  '50': 'TIER_50',
  '250': 'TIER_250',
  '1000': 'TIER_1K',
  '2000': 'TIER_2K',
  '10000': 'TIER_10K',
  '100000': 'TIER_100K',
};

function tier(value: unknown): string | undefined {
  if (typeof value === 'number') return NUMERIC_TIERS[String(value)] ?? String(value);
  return typeof value === 'string' && value ? (NUMERIC_TIERS[value] ?? value).slice(0, 32) : undefined;
}

function detailOf(value: JsonReader): string | undefined {
  const listed = value.value.restriction_info;
  const restrictions = (Array.isArray(listed) ? listed : [])
    .map((r) => (r as { restriction_type?: unknown } | null)?.restriction_type)
    .filter((t): t is string => typeof t === 'string' && t !== '');
  const parts = [
    value.obj('alert_info')?.str('alert_description'),
    value.obj('violation_info')?.str('violation_type'),
    value.str('rejection_reason'),
    value.obj('ban_info')?.str('waba_ban_date'),
    value.obj('disconnection_info')?.str('reason'),
    value.obj('partner_client_certification_info')?.str('status'),
    restrictions.length ? restrictions.join(', ') : undefined,
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join('; ').slice(0, 500) : undefined;
}
