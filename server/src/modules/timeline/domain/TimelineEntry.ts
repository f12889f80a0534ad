export type TimelineEventType = 'MESSAGE' | 'SYSTEM' | 'INCIDENT' | 'CHECKIN' | 'NOTE' | 'STATUS_CHANGE';
export type TimelineSource = 'WHATSAPP' | 'WEB' | 'SYSTEM' | 'CRON';
export type TimelineEntityType = 'lead' | 'booking' | 'trip' | 'incident' | 'conversation';

export interface NewTimelineEntry {
  tenantId: string;
  entityType: TimelineEntityType;
  entityId: string;
  eventType: TimelineEventType;
  source: TimelineSource;
  actor?: string;
  /** System events carry `action` (LEAD_CREATED, INCIDENT_RESOLVED, …). */
  content: Record<string, unknown>;
}

export interface TimelineRepository {
  /** Returns the new entry's id. */
  add(entry: NewTimelineEntry): Promise<string>;
  /** Several entries in one statement. */
  addAll(entries: NewTimelineEntry[]): Promise<void>;
}
