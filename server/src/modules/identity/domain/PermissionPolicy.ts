import type { Role } from './Role';

/** Everything someone can ask the service to do, over WhatsApp or REST. */
export type Action =
  // customers
  | 'enquire'
  | 'view_own_bookings'
  | 'get_own_payment_link'
  | 'manage_own_consent'
  | 'request_cancellation'
  // sales
  | 'manage_leads'
  | 'create_quote'
  | 'convert_lead'
  | 'send_payment_link'
  | 'record_payment'
  | 'cancel_booking'
  | 'manage_conversations'
  // sales and operations (trip manifests)
  | 'view_bookings'
  // operations
  | 'manage_trips'
  | 'assign_staff'
  | 'manage_incidents'
  | 'broadcast'
  | 'manage_templates'
  // field work (field staff on their trips; operations and managers on any)
  | 'check_in'
  | 'report_incident'
  | 'resolve_incident'
  | 'upload_trip_media'
  | 'view_trip_status'
  // managers only
  | 'approve_quote'
  | 'manage_users'
  | 'view_audit_log'
  | 'resume_panic_mode'
  | 'view_analytics'
  | 'manage_payment_settings'
  | 'manage_settings'
  | 'manage_connections'
  | 'view_usage';

export type Principal = Role | 'customer';

const FIELD_WORK: Action[] = [
  'check_in',
  'report_incident',
  'resolve_incident',
  'upload_trip_media',
  'view_trip_status',
];

const ALLOWED: Record<Exclude<Principal, 'manager'>, ReadonlySet<Action>> = {
  customer: new Set<Action>([
    'enquire',
    'view_own_bookings',
    'get_own_payment_link',
    'manage_own_consent',
    'request_cancellation',
  ]),
  sales: new Set<Action>([
    'manage_leads',
    'create_quote',
    'convert_lead',
    'send_payment_link',
    'record_payment',
    'cancel_booking',
    'manage_conversations',
    'view_bookings',
  ]),
  operations: new Set<Action>([
    'manage_trips',
    'assign_staff',
    'manage_incidents',
    'broadcast',
    'manage_templates',
    'manage_conversations',
    'view_bookings',
    ...FIELD_WORK,
  ]),
  field_staff: new Set<Action>(FIELD_WORK),
};

/** SPEC §3: the one permission matrix, for WhatsApp commands and REST alike. Managers may do everything. */
export function isAllowed(principal: Principal, action: Action): boolean {
  return principal === 'manager' || ALLOWED[principal].has(action);
}

/** Field staff act only on trips they are assigned to; operations and managers on any trip. */
export const needsTripAssignment = (principal: Principal): boolean => principal === 'field_staff';
