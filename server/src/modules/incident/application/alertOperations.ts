import type { DefaultTemplateName } from '../../template/domain/defaultTemplates';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import { staffAlert } from '../../message/domain/notification';
import type { StaffDirectory } from '../../trip/domain/StaffDirectory';

export interface OperationsAlert {
  tenantId: string;
  template: DefaultTemplateName;
  params: string[];
  language: string;
  /** The person who caused the alert already knows. */
  exceptUserId?: string;
  context?: Record<string, unknown>;
}

/** Queues one notification per active operations or manager user (a staff alert: high priority); returns how many. */
export async function alertOperations(
  staff: StaffDirectory,
  queue: OutboundQueue,
  alert: OperationsAlert,
): Promise<number> {
  const recipients = (await staff.activeByRoles(alert.tenantId, ['operations', 'manager'])).filter(
    (user) => user.id !== alert.exceptUserId,
  );
  for (const user of recipients)
    await queue.enqueue(
      staffAlert(alert.tenantId, user.phone, alert.template, alert.params, alert.language, alert.context),
    );
  return recipients.length;
}
