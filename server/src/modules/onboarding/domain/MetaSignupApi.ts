/** What `GET /{phone-number-id}?fields=…` says about the number. */
export interface MetaNumberFacts {
  displayPhoneNumber?: string;
  verifiedName?: string;
  qualityRating?: string;
  codeVerificationStatus?: string;
}

/**
 * Port: the Graph API calls of Meta's Embedded Signup (SPEC §16). Each throws an
 * OnboardingStepError carrying Graph's error (message, type, code, subcode, fbtrace id).
 */
export interface MetaSignupApi {
  /** `GET /oauth/access_token?client_id=&client_secret=&code=` → the business token. */
  exchangeCode(code: string): Promise<string>;
  /** `POST /{waba-id}/subscribed_apps`: this app receives the WABA's webhooks. */
  subscribeApp(wabaId: string, token: string): Promise<void>;
  /** `POST /{phone-number-id}/register` `{ messaging_product, pin }`. */
  registerPhone(phoneNumberId: string, pin: string, token: string): Promise<void>;
  /** `POST /{credit-line-id}/whatsapp_credit_sharing_and_attach`; the allocation config id. */
  shareCreditLine(wabaId: string): Promise<string>;
  fetchNumber(phoneNumberId: string, token: string): Promise<MetaNumberFacts>;
  /** `GET /debug_token?input_token=`: when the token expires (undefined: never). */
  tokenExpiry(token: string): Promise<Date | undefined>;
}
