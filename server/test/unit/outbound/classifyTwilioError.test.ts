import { expect } from 'chai';
import { classifyTwilioError } from '../../../src/whatsapp/outbound/provider/twilio/classifyTwilioError';
import type { ProviderFailureKind } from '../../../src/whatsapp/outbound/provider/ProviderError';

const twilio = (code: number, status: number) => ({
  code,
  message: `error ${code}`,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

describe('classifyTwilioError', () => {
  const byCode: Array<[number, number, ProviderFailureKind, string]> = [
    [20003, 401, 'auth', 'authentication failed'],
    [20429, 429, 'throttled', 'too many requests'],
    [63018, 400, 'throttled', 'WhatsApp rate limit'],
    [63016, 400, 'permanent', 'outside the 24-hour window'],
    [63003, 400, 'permanent', 'invalid recipient'],
    [21211, 400, 'permanent', 'invalid To number'],
    [21614, 400, 'permanent', 'not a mobile number'],
    [63007, 400, 'auth', 'no WhatsApp sender for From'],
    [20500, 500, 'retryable', 'internal error'],
    [99999, 400, 'permanent', 'unknown code on a 4xx'],
    [99999, 503, 'retryable', 'unknown code on a 5xx'],
    [99999, 429, 'throttled', 'unknown code on a 429'],
  ];
  for (const [code, status, kind, what] of byCode)
    it(`${code} / HTTP ${status} (${what}) is ${kind}`, () => {
      const error = classifyTwilioError(status, twilio(code, status));
      expect(error).to.include({ kind, code: String(code), title: `error ${code}` });
      expect(error.details.httpStatus).to.equal(status);
    });

  it('a bare status without a body classifies by status and keeps Retry-After', () => {
    const error = classifyTwilioError(429, undefined, 2000);
    expect(error).to.include({ kind: 'throttled', code: 'http_429' });
    expect(error.details.retryAfterMs).to.equal(2000);
    expect(classifyTwilioError(502, undefined)).to.include({ kind: 'retryable', code: 'http_502' });
  });
});
