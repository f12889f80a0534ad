import { expect } from 'chai';
import { ProviderError } from '../../../../src/whatsapp/outbound/provider/ProviderError';
import type { SendingAccount } from '../../../../src/whatsapp/outbound/provider/WhatsappProvider';

export const CUSTOMER = '+15551234567';
export const WAMID = 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQUY1M0I4NzVGQUI3RkEyRDJBNwA=';

export const metaAccount = (credentials: SendingAccount['credentials'] = { accessToken: 'meta-token' }) =>
  ({
    tenantId: 'tenant-1',
    provider: 'meta',
    phoneNumber: '+15550100199',
    phoneNumberId: '106540352242922',
    businessAccountId: '102938475610293',
    credentials,
  }) satisfies SendingAccount;

export const dialog360Account = (apiKey = 'd360-key'): SendingAccount => ({
  tenantId: 'tenant-1',
  provider: '360dialog',
  phoneNumber: '+15550100199',
  credentials: { dialog360ApiKey: apiKey },
});

export const twilioAccount = (sid = `AC${'a1'.repeat(16)}`, token = 'twilio-token'): SendingAccount => ({
  tenantId: 'tenant-1',
  provider: 'twilio',
  phoneNumber: '+15550100199',
  credentials: { twilioAccountSid: sid, twilioAuthToken: token },
});

/** The ProviderError `promise` rejects with. */
export async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('expected a ProviderError, the call succeeded');
}

export const json = (body: Buffer): unknown => JSON.parse(body.toString('utf8'));
