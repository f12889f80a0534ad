import { isAllowed, needsTripAssignment, type Action } from '../../identity/domain/PermissionPolicy';
import type { Role } from '../../identity/domain/Role';
import type { EventType, StoredEvent } from './DomainEvent';

/** Who may read each type: an action of the permission matrix, or managers only. */
const AUDIENCE: Record<EventType, Action | 'managers'> = {
  'message.received': 'manage_conversations',
  'message.sent': 'manage_conversations',
  'message.status': 'manage_conversations',
  'conversation.updated': 'manage_conversations',
  'lead.created': 'manage_leads',
  'lead.updated': 'manage_leads',
  'booking.updated': 'view_bookings',
  'incident.created': 'report_incident',
  'incident.updated': 'report_incident',
  'broadcast.progress': 'broadcast',
  'panic.changed': 'view_bookings',
  'connection.health': 'managers',
  'usage.threshold': 'managers',
};

/**
 * A subscriber receives what its role may read (SPEC §18); field staff only the events of trips
 * they are assigned to (`assignedTrips`), nothing without a trip.
 */
export function mayReceive(
  role: Role,
  event: Pick<StoredEvent, 'type' | 'tripId'>,
  assignedTrips: ReadonlySet<string>,
) {
  const audience = AUDIENCE[event.type];
  if (audience === 'managers') return role === 'manager';
  if (!isAllowed(role, audience)) return false;
  if (!needsTripAssignment(role)) return true;
  return event.tripId !== undefined && assignedTrips.has(event.tripId);
}

/** Whether the role's subscription needs the trips it is assigned to. */
export const filtersByTrip = (role: Role): boolean => needsTripAssignment(role);
