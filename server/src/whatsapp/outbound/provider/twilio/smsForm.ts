import { charLength } from '../../../../modules/message/domain/interactiveRules';

/** Twilio refuses an SMS body over 1,600 characters (it splits shorter ones into segments itself). */
const MAX_SMS_BODY = 1_600;

export interface SmsRequest {
  /** E.164 SMS number of the tenant. */
  from: string;
  /** E.164 recipient. */
  to: string;
  body: string;
}

/** A plain SMS through the Messages API: `From`/`To` without the `whatsapp:` prefix, `Body`. */
export function smsForm(request: SmsRequest): URLSearchParams {
  const body =
    charLength(request.body) > MAX_SMS_BODY
      ? `${[...request.body].slice(0, MAX_SMS_BODY - 1).join('')}…`
      : request.body;
  return new URLSearchParams({ From: request.from, To: request.to, Body: body });
}
