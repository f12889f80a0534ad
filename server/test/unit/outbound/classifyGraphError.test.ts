import { expect } from 'chai';
import { classifyGraphError } from '../../../src/whatsapp/outbound/provider/cloudapi/classifyGraphError';
import type { ProviderFailureKind } from '../../../src/whatsapp/outbound/provider/ProviderError';

const graph = (code: number, extra: Record<string, unknown> = {}) => ({
  error: { message: `(#${code}) title`, type: 'OAuthException', code, fbtrace_id: 'T1', ...extra },
});

describe('classifyGraphError', () => {
  const byCode: Array<[number, number, ProviderFailureKind, string]> = [
    [131047, 400, 'permanent', 'outside the 24-hour window'],
    [131026, 400, 'permanent', 'undeliverable'],
    [131051, 400, 'permanent', 'unsupported message type'],
    [132000, 400, 'permanent', 'template parameter count'],
    [132001, 404, 'permanent', 'template missing'],
    [132015, 400, 'permanent', 'template paused'],
    [132016, 400, 'permanent', 'template disabled'],
    [131050, 400, 'permanent', 'user stopped marketing messages'],
    [100, 400, 'permanent', 'invalid parameter'],
    [131008, 400, 'permanent', 'required parameter missing'],
    [131009, 400, 'permanent', 'parameter value invalid'],
    [130429, 400, 'throttled', 'throughput reached'],
    [131056, 400, 'throttled', 'pair rate limit'],
    [80007, 400, 'throttled', 'WABA rate limit'],
    [4, 400, 'throttled', 'app rate limit'],
    [613, 400, 'throttled', 'call rate limit'],
    [80004, 400, 'throttled', 'account call rate'],
    [190, 401, 'auth', 'token expired or invalid'],
    [10, 403, 'auth', 'permission denied'],
    [200, 403, 'auth', 'permission error'],
    [294, 403, 'auth', 'permission range'],
    [368, 403, 'auth', 'account temporarily blocked for policy'],
    [131031, 403, 'auth', 'account locked'],
    [131000, 500, 'retryable', 'unknown error'],
    [131000, 400, 'retryable', 'unknown error on a 4xx'],
    [2, 503, 'retryable', 'service unavailable'],
    [123456, 400, 'permanent', 'unknown code on a 4xx'],
    [123456, 502, 'retryable', 'unknown code on a 5xx'],
    [123456, 429, 'throttled', 'unknown code on a 429'],
  ];
  for (const [code, status, kind, what] of byCode)
    it(`${code} / HTTP ${status} (${what}) is ${kind}`, () => {
      const error = classifyGraphError(status, graph(code));
      expect(error).to.include({ kind, code: String(code) });
      expect(error.details).to.include({ httpStatus: status, traceId: 'T1' });
    });

  it('an unknown code flagged transient is retryable', () => {
    expect(classifyGraphError(400, graph(999, { is_transient: true }))).to.include({ kind: 'retryable' });
  });

  it('joins message and details into the title, and keeps Retry-After', () => {
    const error = classifyGraphError(
      400,
      graph(131047, { error_data: { messaging_product: 'whatsapp', details: 'More than 24 hours.' } }),
      5000,
    );
    expect(error.title).to.equal('(#131047) title: More than 24 hours.');
    expect(error.details.retryAfterMs).to.equal(5000);
  });

  it('without a Graph body, classifies by HTTP status', () => {
    const cases: Array<[number, ProviderFailureKind]> = [
      [500, 'retryable'],
      [503, 'retryable'],
      [408, 'retryable'],
      [429, 'throttled'],
      [401, 'auth'],
      [403, 'auth'],
      [400, 'permanent'],
      [404, 'permanent'],
    ];
    for (const [status, kind] of cases)
      expect(classifyGraphError(status, undefined)).to.include({
        kind,
        code: `http_${status}`,
        title: `HTTP ${status}`,
      });
  });

  it('reads 360dialog’s own error shapes', () => {
    expect(
      classifyGraphError(401, { meta: { success: false, developer_message: 'Invalid api key' } }),
    ).to.include({
      kind: 'auth',
      title: 'Invalid api key',
    });
    expect(
      classifyGraphError(400, {
        errors: [{ code: 131026, title: 'Message undeliverable', details: 'not on WhatsApp' }],
      }),
    ).to.include({ kind: 'permanent', code: '131026', title: 'Message undeliverable: not on WhatsApp' });
  });
});
