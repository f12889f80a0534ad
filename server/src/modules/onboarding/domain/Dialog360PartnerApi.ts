/** A 360dialog channel (one number) as the partner API lists it. */
export interface Dialog360Channel {
  phoneNumber?: string;
  wabaId?: string;
  verifiedName?: string;
}

/** Port: 360dialog's partner API and the channel's own API (SPEC §16). Errors: OnboardingStepError. */
export interface Dialog360PartnerApi {
  /** `POST {partner base}/api/v2/partners/{partner-id}/channels/{channel-id}/api_keys` → the key. */
  createApiKey(channelId: string): Promise<string>;
  /** `POST {DIALOG360_API_BASE_URL}/v1/configs/webhook` with the channel's key. */
  registerWebhook(apiKey: string, url: string, webhookSecret: string): Promise<void>;
  /** `GET {partner base}/api/v2/partners/{partner-id}/channels?filters=…`: the channel's number. */
  fetchChannel(channelId: string): Promise<Dialog360Channel>;
}
