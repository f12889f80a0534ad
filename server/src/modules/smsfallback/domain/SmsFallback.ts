/**
 * SMS fallback (SPEC §21): a message WhatsApp cannot deliver because the number is not on
 * WhatsApp goes by SMS through Twilio's Messages API, from the tenant's SMS number.
 */
export interface SmsFallbackSetting {
  enabled: boolean;
  /** E.164 SMS number messages go out from. */
  from?: string;
}

/** The failures that mean "this number is not on WhatsApp": Meta 131026, Twilio 63003. */
const NOT_ON_WHATSAPP = new Set(['131026', '63003']);

export const meansNotOnWhatsapp = (errorCode: string | undefined): boolean =>
  errorCode !== undefined && NOT_ON_WHATSAPP.has(errorCode);

export interface SmsFallbackSettings {
  find(tenantId: string): Promise<SmsFallbackSetting>;
  save(tenantId: string, setting: SmsFallbackSetting, updatedBy: string): Promise<void>;
}

/** Port: whether SMS can be sent for the tenant (Twilio credentials of its own, or the installation's). */
export interface SmsChannel {
  available(tenantId: string): Promise<boolean>;
}
