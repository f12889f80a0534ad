import { expect } from 'chai';
import request from 'supertest';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const A_UUID = '0b6f8d3e-3c1e-4b8e-9a57-5f4f6b1c2d3e';

/** Bad input is the client's fault: a 400 naming the field, never the database's error as a 500. */
describe('REST: bad input is a 4xx', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  describe('forged cursors', () => {
    const forgedTimes = [
      cursorOf(['2024-13-45 25:61:61', A_UUID]),
      cursorOf(['0000-01-01 00:00:00+00', A_UUID]),
      cursorOf(['2024-02-30 10:00:00+00', A_UUID]),
      cursorOf(['2024-05-01 10:00:00+00', A_UUID, 'extra']),
    ];
    /** Lists keyed by row id; opt-ins are keyed by phone, where a NUL is what would reach the database. */
    const forgedIds = [
      cursorOf(['2024-05-01 10:00:00.123456+00', '------------------------------------']),
      cursorOf(['2024-05-01 10:00:00+00', 'not-a-uuid']),
    ];
    const forgedPhone = cursorOf(['2024-05-01 10:00:00+00', '+1415\u0000']);

    it('answers 400 naming `cursor` on every keyset-paginated list', async () => {
      const { tenant, key } = await staff('manager');
      const [conversation] = await testDb()
        .knex('whatsapp_conversations')
        .insert({ tenant_id: tenant.id, customer_phone: '+14155550100' })
        .returning('id');
      const lists = [
        '/leads',
        '/bookings',
        '/trips',
        '/incidents',
        '/conversations',
        `/conversations/${conversation.id}/messages`,
        '/users',
        '/opt-ins',
        `/timeline?entityType=conversation&entityId=${conversation.id}`,
        '/audit-logs',
      ];
      for (const list of lists)
        for (const cursor of [...forgedTimes, ...(list === '/opt-ins' ? [forgedPhone] : forgedIds)]) {
          const url = `${list}${list.includes('?') ? '&' : '?'}cursor=${cursor}`;
          const res = await api.get(url, { key });
          expect(res.status, `${url} → ${JSON.stringify(res.body)}`).to.equal(400);
          expect(res.body.fields.map((f: { field: string }) => f.field)).to.deep.equal(['cursor']);
        }
    });

    it('answers 400 for an id cursor that is not a uuid (templates)', async () => {
      const { key } = await staff('operations');
      const dashes = Buffer.from('-'.repeat(36)).toString('base64url');
      const res = await api.get(`/templates?cursor=${dashes}`, { key });
      expect(res.status).to.equal(400);
      expect(res.body.fields[0].field).to.equal('cursor');
    });

    it('still pages with the cursors it issues', async () => {
      const { key } = await staff('manager');
      for (const phone of ['+14155550101', '+14155550102', '+14155550103'])
        await api.post('/opt-ins', { key, body: { phone, source: 'web' } });
      const first = await api.get('/opt-ins?limit=2', { key });
      const second = await api.get(`/opt-ins?limit=2&cursor=${first.body.nextCursor}`, { key });
      expect(second.status).to.equal(200);
      expect([...first.body.data, ...second.body.data]).to.have.length(3);
    });
  });

  describe('JSON bodies', () => {
    const raw = (key: string, path: string, text: string) =>
      request(api.app)
        .post(`/api/v1${path}`)
        .set('authorization', `Bearer ${key}`)
        .set('content-type', 'application/json')
        .send(text);

    it('answers 400 naming the field for a lone surrogate, where jsonb would have refused it', async () => {
      const { key } = await staff('operations');
      const res = await raw(
        key,
        '/templates',
        '{"name":"trip_news","language":"en","category":"UTILITY","body":"News: {{1}} \\ud800","bodyExamples":["x"]}',
      );
      expect(res.status).to.equal(400);
      expect(res.body).to.include({ code: 'UNPAIRED_SURROGATE' });
      expect(res.body.fields).to.deep.equal([
        { field: 'body', message: 'must be valid Unicode', in: 'body' },
      ]);
      const nested = await raw(
        key,
        '/broadcast-lists',
        '{"name":"L","members":[{"phone":"+14155550100","name":"\\udc00"}]}',
      );
      expect(nested.status).to.equal(400);
      expect(nested.body.fields[0].field).to.equal('members[0].name');
    });

    it('answers 400 naming the field for a NUL character', async () => {
      const { key } = await staff('operations');
      const res = await raw(key, '/broadcast-lists', '{"name":"a\\u0000b"}');
      expect(res.status).to.equal(400);
      expect(res.body).to.include({ code: 'NUL_CHARACTER' });
      expect(res.body.fields[0].field).to.equal('name');
    });

    it('answers 400 for a body nested 100,000 deep, before parsing it', async () => {
      const { key } = await staff('operations');
      const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
      const res = await raw(key, '/broadcast-lists', deep);
      expect(res.status).to.equal(400);
      expect(res.body).to.include({ code: 'MALFORMED_BODY' });
      const arrays = await raw(key, '/broadcast-lists', '['.repeat(100_000) + ']'.repeat(100_000));
      expect(arrays.status).to.equal(400);
    });
  });

  describe('dates', () => {
    it('answers 400 naming the field for dates outside PostgreSQL’s range or not on the calendar', async () => {
      const { key } = await staff('manager');
      for (const from of [
        '-271821-04-20',
        '0000-01-01',
        '2024-02-30',
        '2024-13-01',
        '2024-05-01T24:00:00Z',
        '+275760-09-13',
      ]) {
        const audit = await api.get('/audit-logs', { key, query: { from } });
        expect(audit.status, `audit from=${from}`).to.equal(400);
        expect(audit.body.fields, from).to.deep.equal([
          {
            field: 'from',
            message:
              'must be a real date (YYYY-MM-DD or an ISO 8601 timestamp) between the years 0001 and 9999',
            in: 'query',
          },
        ]);
        const analytics = await api.get('/analytics/summary', { key, query: { to: from } });
        expect(analytics.status, `analytics to=${from}`).to.equal(400);
        expect(analytics.body.fields[0].field).to.equal('to');
      }
      const rolled = await api.get('/audit-logs', { key, query: { from: '2024-02-30', to: '2024-03-01' } });
      expect(
        rolled.body.fields.map((f: { field: string }) => f.field),
        'only the bad field',
      ).to.deep.equal(['from']);
      const backwards = await api.get('/audit-logs', {
        key,
        query: { from: '2024-03-02', to: '2024-03-01' },
      });
      expect(backwards.body.fields).to.deep.equal([
        { field: 'to', message: 'must be later than from', in: 'query' },
      ]);
      const fine = await api.get('/audit-logs', {
        key,
        query: { from: '2024-02-29', to: '2024-03-01T00:00:00Z' },
      });
      expect(fine.status).to.equal(200);
    });

    it('refuses a trip departing in year 0000 or on a day the calendar lacks', async () => {
      const { key } = await staff('operations');
      for (const departureDate of ['0000-01-01', '2023-02-29', '2024-04-31']) {
        const res = await api.post('/trips', { key, body: { code: 'TRP9', name: 'Pass', departureDate } });
        expect(res.status, departureDate).to.equal(400);
        expect(res.body.fields[0].field).to.equal('departureDate');
      }
    });
  });
});
