import { inject, injectable } from 'inversify';
import { BusinessRuleError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import { clickToChatUrl, type BusinessNumbers } from '../domain/ClickToChat';
import type { UsageLimits } from './UsageLimits';

export interface ClickToChat {
  url: string;
  /** The number the link opens a chat with, digits only. */
  phone: string;
}

/**
 * The tenant's click-to-chat link (SPEC §17), and its QR code. Needs the plan's `click_to_chat`
 * and a number; no API connection (REST and `wa-ops link` both come here; the QR code is drawn
 * from `url` by the QrCodes port).
 */
@injectable()
export class ClickToChatLink {
  constructor(
    @inject(TYPES.UsageLimits) private readonly limits: UsageLimits,
    @inject(TYPES.BusinessNumbers) private readonly numbers: BusinessNumbers,
  ) {}

  async execute(tenantId: string, text?: string): Promise<ClickToChat> {
    await this.limits.requireFeature(tenantId, 'click_to_chat');
    const number = await this.numbers.numberOf(tenantId);
    if (!number)
      throw new BusinessRuleError('NO_PHONE_NUMBER', 'The tenant has no WhatsApp number to link to', {
        hint: 'wa-ops connections add --tenant <slug> --provider console --phone-number +E164',
      });
    const url = clickToChatUrl(number, text);
    return { url, phone: number.replace(/\D/g, '') };
  }
}
