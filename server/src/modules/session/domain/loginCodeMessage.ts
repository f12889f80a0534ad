import { staffAlert } from '../../message/domain/notification';
import type { OutboundRequest } from '../../message/domain/OutboundRequest';

/**
 * The code as free text while the staff member's window is open, else the `login_code`
 * AUTHENTICATION template, whose copy-code button carries the code too.
 */
export function loginCodeMessage(
  tenantId: string,
  phone: string,
  code: string,
  language = 'en',
): OutboundRequest {
  const message = staffAlert(tenantId, phone, 'login_code', [code], language, { loginCode: true });
  return { ...message, template: { ...message.template!, buttons: [{ index: 0, type: 'url', text: code }] } };
}
