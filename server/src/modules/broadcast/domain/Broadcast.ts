import type { TemplateCall } from '../../message/domain/OutboundRequest';

/** What was decided for a recipient when the broadcast was queued (whatsapp_broadcast_recipients.status). */
export type RecipientStatus = 'queued' | 'skipped_opted_out' | 'skipped_no_opt_in' | 'skipped_marketing';

export interface NewBroadcast {
  tenantId: string;
  template: TemplateCall & { language: string };
  tripId?: string;
  listId?: string;
  createdBy: string;
}

export interface BroadcastRecipient {
  phone: string;
  status: RecipientStatus;
  messageId?: string;
}

export interface BroadcastRecord extends Omit<NewBroadcast, 'createdBy'> {
  id: string;
  createdBy?: string;
  createdAt: Date;
}

/** How many recipients share a decision and a message status (progress counts). */
export interface RecipientGroup {
  status: RecipientStatus;
  messageStatus?: string;
  count: number;
}

/** A recipient with the current status of its message (absent for the skipped). */
export interface RecipientRow extends BroadcastRecipient {
  messageStatus?: string;
  errorCode?: string;
  errorTitle?: string;
}

export interface BroadcastRepository {
  create(broadcast: NewBroadcast): Promise<string>;
  addRecipients(tenantId: string, broadcastId: string, recipients: BroadcastRecipient[]): Promise<void>;
  findById(tenantId: string, id: string): Promise<BroadcastRecord | undefined>;
  /** A page of recipients with their message's status, by phone; `after` is the last phone of the previous page. */
  recipients(
    tenantId: string,
    broadcastId: string,
    page: { limit: number; after?: string },
  ): Promise<RecipientRow[]>;
  /** Every recipient counted once, grouped by decision and message status. */
  recipientGroups(tenantId: string, broadcastId: string): Promise<RecipientGroup[]>;
}
