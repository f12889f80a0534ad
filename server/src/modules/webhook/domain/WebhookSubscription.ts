import type { EventType } from '../../events/domain/DomainEvent';

/** SPEC §18: an integrator's endpoint and the event types it wants. */
export interface WebhookSubscription {
  id: string;
  tenantId: string;
  url: string;
  events: EventType[];
  status: 'active' | 'disabled';
  /** Delivered (or given up) up to this event id: deliveries go in id order. */
  lastEventId: number;
  failingSince?: Date;
  disabledAt?: Date;
  disabledReason?: string;
  createdAt: Date;
}

/** What a manager may change; undefined fields are left as they are. */
export interface SubscriptionChanges {
  url?: string;
  events?: EventType[];
  status?: WebhookSubscription['status'];
}

export interface NewSubscription {
  tenantId: string;
  url: string;
  events: EventType[];
  /** Encrypted `whsec_…` secret. */
  secret: string;
  createdBy?: string;
}
