import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../src/app';
import type { Metrics } from '../../../src/shared/metrics/Metrics';
import { TYPES } from '../../../src/types';
import { inboundHarness } from '../../support/inboundHarness';
import { testContainer } from '../../support/testContainer';

const EXPECTED = [
  'waops_webhook_deliveries_total',
  'waops_webhook_ack_duration_seconds',
  'waops_inbound_processing_lag_seconds',
  'waops_outbound_queue_depth',
  'waops_inbox_backlog',
  'waops_outbound_sends_total',
  'waops_panic_mode',
  'waops_rate_limit_wait_seconds',
  'waops_job_runs_total',
  'waops_job_duration_seconds',
  'process_cpu_seconds_total',
  'nodejs_eventloop_lag_seconds',
];

const value = (body: string, series: string) =>
  Number(
    body
      .split('\n')
      .find((l) => l.startsWith(series + ' '))
      ?.split(' ')[1],
  );

describe('GET /metrics', () => {
  it('exposes every instrument by name in the Prometheus format', async () => {
    const { container } = testContainer();
    const res = await request(createApp(container)).get('/metrics').expect(200);
    expect(res.headers['content-type']).to.match(/^text\/plain; version=0\.0\.4/);
    for (const name of EXPECTED) expect(res.text, name).to.include(`# TYPE ${name} `);
  });

  it('counts webhook deliveries by outcome, times the ack, and measures processing lag and backlog', async () => {
    const h = await inboundHarness();
    await h.postFixture('meta-text.json').expect(200);
    await h.postFixture('meta-text.json').expect(200);
    await h.postMeta('{"object":"whatsapp_business_account"}', 'sha256=00').expect(401);
    let body = (await h.http.get('/metrics').expect(200)).text;
    expect(value(body, 'waops_webhook_deliveries_total{provider="meta",outcome="stored"}')).to.equal(1);
    expect(value(body, 'waops_webhook_deliveries_total{provider="meta",outcome="duplicate"}')).to.equal(1);
    expect(
      value(body, 'waops_webhook_deliveries_total{provider="meta",outcome="invalid_signature"}'),
    ).to.equal(1);
    expect(value(body, 'waops_webhook_ack_duration_seconds_count{provider="meta"}')).to.equal(3);
    expect(value(body, 'waops_inbox_backlog')).to.equal(1);

    await h.processor.drain();
    body = (await h.http.get('/metrics').expect(200)).text;
    expect(value(body, 'waops_inbound_processing_lag_seconds_count')).to.equal(1);
    expect(value(body, 'waops_inbox_backlog')).to.equal(0);
  });

  it('shows the dispatcher instruments and the queue depth read from the database', async () => {
    const { container } = testContainer();
    const metrics = container.get<Metrics>(TYPES.Metrics);
    metrics.sendAttempted('meta', 'failed', 131047);
    metrics.panicState('t-1', true);
    metrics.rateLimitWaited('t-1', 0.2);
    const body = (await request(createApp(container)).get('/metrics').expect(200)).text;
    expect(
      value(body, 'waops_outbound_sends_total{provider="meta",outcome="failed",error_code="131047"}'),
    ).to.equal(1);
    expect(value(body, 'waops_panic_mode{tenant="t-1"}')).to.equal(1);
    expect(value(body, 'waops_rate_limit_wait_seconds_count{tenant="t-1"}')).to.equal(1);
    expect(value(body, 'waops_outbound_queue_depth{status="queued"}')).to.equal(0);
  });

  it('asks for the token when METRICS_TOKEN is set', async () => {
    const { container } = testContainer({ METRICS_TOKEN: 'a-long-metrics-token' });
    const http = request(createApp(container));
    await http.get('/metrics').expect(401);
    await http.get('/metrics').set('authorization', 'Bearer a-long-metrics-token').expect(200);
  });
});
