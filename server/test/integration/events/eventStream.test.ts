import { expect } from 'chai';
import { createApp } from '../../../src/app';
import type { NewEvent } from '../../../src/modules/events/domain/DomainEvent';
import type { EventLog } from '../../../src/modules/events/domain/EventLog';
import type { EventHub } from '../../../src/modules/events/infrastructure/EventHub';
import {
  DEFAULT_EVENT_STREAM_OPTIONS,
  type EventStreamOptions,
} from '../../../src/modules/events/infrastructure/EventStreamOptions';
import { TYPES } from '../../../src/types';
import { staff } from '../../support/apiClient';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { waitFor } from '../../support/process/waitFor';
import { listen, SseClient } from '../../support/sseClient';
import { testContainer } from '../../support/testContainer';
import { aTrip, anAssignment } from '../../support/tripBuilders';

/** One instance of the server: its own container (hub, LISTEN connection) and HTTP listener. */
async function anInstance(options: Partial<EventStreamOptions> = {}) {
  const { container } = testContainer();
  container
    .rebindSync(TYPES.EventStreamOptions)
    .toConstantValue({ ...DEFAULT_EVENT_STREAM_OPTIONS, pollMs: 60_000, ...options });
  const hub = container.get<EventHub>(TYPES.EventHub);
  hub.start();
  const server = await listen(createApp(container));
  const log = container.get<EventLog>(TYPES.EventLog);
  return { url: server.url, log, stop: async () => (await server.close(), await hub.stop()) };
}

describe('GET /events (server-sent events)', () => {
  const stops: Array<() => Promise<unknown>> = [];
  const clients: SseClient[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    for (const stop of stops.splice(0)) await stop();
  });
  const instance = async (options?: Partial<EventStreamOptions>) => {
    const i = await anInstance(options);
    stops.push(i.stop);
    return i;
  };
  const connect = async (url: string, key: string, lastEventId?: string) => {
    const client = await SseClient.connect(url, key, lastEventId);
    clients.push(client);
    return client;
  };
  const lead = (tenantId: string, ref: string): NewEvent => ({
    tenantId,
    type: 'lead.created',
    data: { ref },
  });

  it('streams what commits from now on, with id, event and the JSON envelope', async () => {
    const { tenant, key } = await staff('sales');
    const server = await instance();
    await server.log.append([lead(tenant.id, 'LD-0')]); // before connecting: not sent
    const client = await connect(server.url, key);
    expect(client.status).to.equal(200);
    await server.log.append([lead(tenant.id, 'LD-1'), lead((await aTenant()).id, 'LD-other')]);
    await waitFor('the event', () => client.events.length === 1);
    const [event] = client.events;
    expect(event).to.deep.include({ id: '2', event: 'lead.created' });
    expect(event.data).to.deep.include({ id: '2', type: 'lead.created', data: { ref: 'LD-1' } });
    expect(new Date(event.data.occurredAt).getTime()).to.be.closeTo(Date.now(), 60_000);
  });

  it('replays what was missed after Last-Event-ID, then goes on live', async () => {
    const { tenant, key } = await staff('manager');
    const server = await instance();
    await server.log.append([1, 2, 3, 4].map((n) => lead(tenant.id, `LD-${n}`)));
    const client = await connect(server.url, key, '2');
    await server.log.append([lead(tenant.id, 'LD-5')]);
    await waitFor('replay and live', () => client.events.length === 3);
    expect(client.events.map((e) => e.id)).to.deep.equal(['3', '4', '5']);
  });

  it('answers 400 naming Last-Event-ID when it is not an id, 401 without a key', async () => {
    const { key } = await staff('sales');
    const server = await instance();
    expect((await connect(server.url, key, 'abc')).status).to.equal(400);
    expect((await connect(server.url, 'wrong')).status).to.equal(401);
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const { key } = await staff('sales');
    const server = await instance({ heartbeatMs: 30 });
    const client = await connect(server.url, key);
    await waitFor('two heartbeats', () => client.comments.filter((c) => c === 'heartbeat').length >= 2);
  });

  it('gives each role what it may read; field staff only their trips’ events', async () => {
    const { tenant, key: salesKey } = await staff('sales');
    const guide = await staff('field_staff', tenant);
    const ops = await staff('operations', tenant);
    const [theirs, other] = [await aTrip(tenant), await aTrip(tenant)];
    await anAssignment(theirs, guide.user);
    const server = await instance();
    const [sales, field, operations] = [
      await connect(server.url, salesKey),
      await connect(server.url, guide.key),
      await connect(server.url, ops.key),
    ];
    const incident = (tripId: string, ref: string): NewEvent => ({
      tenantId: tenant.id,
      type: 'incident.created',
      tripId,
      data: { ref },
    });
    await server.log.append([
      incident(other.id, 'INC-1'),
      lead(tenant.id, 'LD-1'),
      incident(theirs.id, 'INC-2'),
    ]);
    await server.log.append([{ tenantId: tenant.id, type: 'panic.changed', data: { active: true } }]);
    await waitFor('operations', () => operations.events.length === 3);
    await waitFor('sales', () => sales.events.length === 2);
    await waitFor('field staff', () => field.events.length === 1);
    expect(operations.types()).to.deep.equal(['incident.created', 'incident.created', 'panic.changed']);
    expect(sales.types()).to.deep.equal(['lead.created', 'panic.changed']);
    expect(field.events.map((e) => e.data.data.ref)).to.deep.equal(['INC-2']);
  });

  it('reaches subscribers of another instance through LISTEN/NOTIFY', async function () {
    if (testDb().kind === 'embedded') this.skip(); // one process only
    const { tenant, key } = await staff('sales');
    const [a, b] = [await instance(), await instance()];
    const [onA, onB] = [await connect(a.url, key), await connect(b.url, key)];
    await a.log.append([lead(tenant.id, 'LD-1')]);
    await waitFor('both instances', () => onA.events.length === 1 && onB.events.length === 1);
    expect(onB.events[0].data.data).to.deep.equal({ ref: 'LD-1' });
  });

  it('drops a subscriber that stops reading; it resumes by Last-Event-ID and misses nothing', async () => {
    const { tenant, key } = await staff('sales');
    const server = await instance({ maxBuffered: 20 });
    const slow = await connect(server.url, key);
    slow.pause();
    const big = 'x'.repeat(64 * 1024);
    for (let round = 0; round < 20 && !slow.ended; round++)
      await server.log.append(
        Array.from({ length: 20 }, (_, i) => ({ ...lead(tenant.id, `LD-${round}-${i}`), data: { big } })),
      );
    slow.resume();
    await waitFor('the drop', () => slow.ended, { timeoutMs: 10_000 });
    const received = slow.events.length;
    expect(received).to.be.below(400);
    const resumed = await connect(server.url, key, slow.lastId ?? '0');
    await waitFor('the rest', () => received + resumed.events.length === 400, { timeoutMs: 10_000 });
    const ids = [...slow.events, ...resumed.events].map((e) => Number(e.id));
    expect(ids).to.deep.equal(Array.from({ length: 400 }, (_, i) => i + 1));
  });
});
