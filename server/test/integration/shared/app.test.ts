import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { testContainer } from '../../support/testContainer';

describe('HTTP app', () => {
  const app = () => createApp(testContainer().container);

  it('answers /healthz', async () => {
    const res = await request(app()).get('/healthz').expect(200);
    expect(res.body).to.deep.equal({ status: 'ok' });
  });

  it('answers /readyz when the database is reachable and migrated', async () => {
    const res = await request(app()).get('/readyz').expect(200);
    expect(res.body.status).to.equal('ready');
  });

  it('answers unknown routes with problem+json carrying the request id', async () => {
    const res = await request(app()).get('/nope').set('x-request-id', 'req-123').expect(404);
    expect(res.headers['content-type']).to.match(/application\/problem\+json/);
    expect(res.body).to.include({ status: 404, code: 'ROUTE_NOT_FOUND', requestId: 'req-123' });
  });

  it('sets security headers and hides the framework', async () => {
    const res = await request(app()).get('/healthz');
    expect(res.headers).to.have.property('x-content-type-options', 'nosniff');
    expect(res.headers).not.to.have.property('x-powered-by');
  });

  it('answers malformed JSON on the API with a 400 problem', async () => {
    const res = await request(app())
      .post('/api/v1/anything')
      .set('content-type', 'application/json')
      .send('{"a":')
      .expect(400);
    expect(res.body.code).to.equal('MALFORMED_BODY');
  });

  it('answers an API body over 1 MB with 413', async () => {
    const res = await request(app())
      .post('/api/v1/anything')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ a: 'x'.repeat(1_100_000) }))
      .expect(413);
    expect(res.body.code).to.equal('PAYLOAD_TOO_LARGE');
  });
});
