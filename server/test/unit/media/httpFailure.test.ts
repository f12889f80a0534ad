import { expect } from 'chai';
import { httpFailure } from '../../../src/whatsapp/media/httpFailure';

const graph = (status: number, code: number, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ error: { message: `(#${code}) oops`, code, ...extra } }), { status });

describe('httpFailure', () => {
  it('keeps the Graph code and message', async () => {
    const error = await httpFailure(graph(401, 190), { source: 'graph', step: 'media lookup' });
    expect(error).to.include({ code: 'GRAPH_190', retryable: false });
    expect(error.message).to.equal('media lookup answered HTTP 401: (#190) oops');
  });

  it('classifies by Graph code before HTTP status', async () => {
    expect(await httpFailure(graph(404, 100), { source: 'graph', step: 's' })).to.include({
      retryable: false,
    });
    expect(await httpFailure(graph(400, 130429), { source: 'graph', step: 's' })).to.include({
      retryable: true,
    });
    expect(
      await httpFailure(graph(400, 9999, { is_transient: true }), { source: 'graph', step: 's' }),
    ).to.include({ retryable: true });
  });

  it('retries 5xx, 429 and (when asked) 404; not other 4xx', async () => {
    const plain = (status: number) => new Response('nope', { status });
    expect(await httpFailure(plain(503), { source: 'graph', step: 's' })).to.include({
      code: 'HTTP_503',
      retryable: true,
    });
    expect(await httpFailure(plain(429), { source: 'twilio', step: 's' })).to.include({ retryable: true });
    expect(await httpFailure(plain(404), { source: 'graph', step: 's' })).to.include({ retryable: false });
    expect(await httpFailure(plain(404), { source: 'graph', step: 's', notFoundRetryable: true })).to.include(
      { retryable: true },
    );
    expect(await httpFailure(plain(403), { source: 'twilio', step: 's' })).to.include({ retryable: false });
  });
});
