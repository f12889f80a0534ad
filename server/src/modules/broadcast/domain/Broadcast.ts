import type { TemplateCall } from '../../message/domain/OutboundRequest';

export type RecipientStatus = 'queued' | 'skipped_opted_out' | 'skipped_no_opt_in';

export interface NewBroadcast {
  tenantId: string;
  template: Required<TemplateCall>;
  tripId?: string;
  listId?: string;
  createdBy: string;
}

export interface BroadcastRepository {
  create(broadcast: NewBroadcast): Promise<string>;
  addRecipient(
    tenantId: string,
    broadcastId: string,
    phone: string,
    status: RecipientStatus,
    messageId?: string,
  ): Promise<void>;
}
