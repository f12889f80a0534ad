import { expect } from 'chai';
import type { CreateTrip } from '../../../src/modules/trip/application/CreateTrip';
import { ConflictError, PermissionError, ValidationError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { anActor } from '../../support/tripBuilders';
import { expectRefusedWithoutWrites, timelineOf, tripTestContainer } from './tripTestSupport';

describe('CreateTrip', () => {
  it('creates a trip with its code uppercased, a timeline entry and an audit entry', async () => {
    const { container } = tripTestContainer();
    const tenant = await aTenant();
    const ops = await aUser(tenant, { role: 'operations' });
    const trip = await container.get<CreateTrip>(TYPES.CreateTrip).execute({
      actor: anActor(ops, { source: 'WEB' }),
      code: ' trp123 ',
      name: 'Patagonia',
      departureDate: '2026-12-01',
    });
    expect(trip).to.include({
      code: 'TRP123',
      name: 'Patagonia',
      departureDate: '2026-12-01',
      status: 'scheduled',
    });
    const [row] = await testDb()
      .knex('trips')
      .where({ id: trip.id })
      .select(testDb().knex.raw('departure_date::text as d'));
    expect(row.d).to.equal('2026-12-01');
    const [entry] = await timelineOf('trip', trip.id);
    expect(entry).to.include({ event_type: 'SYSTEM', source: 'WEB', actor: ops.id });
    expect(entry.content.action).to.equal('TRIP_CREATED');
    const audit = await testDb().knex('whatsapp_audit_logs').where({ action: 'TRIP_CREATED' });
    expect(audit).to.have.length(1);
    expect(audit[0]).to.include({ actor: ops.id, entity_type: 'trip', entity_id: trip.id });
  });

  it('refuses a duplicate code in the tenant with TRIP_EXISTS and allows it in another tenant', async () => {
    const { container } = tripTestContainer();
    const createTrip = container.get<CreateTrip>(TYPES.CreateTrip);
    const [a, b] = [await aTenant(), await aTenant()];
    const opsA = await aUser(a, { role: 'operations' });
    const opsB = await aUser(b, { role: 'manager' });
    const input = { code: 'TRP1', name: 'Andes', departureDate: '2026-05-01' };
    await createTrip.execute({ actor: anActor(opsA), ...input });
    const error = await expectRefusedWithoutWrites(() =>
      createTrip.execute({ actor: anActor(opsA), ...input, code: 'trp1' }),
    );
    expect(error).to.be.instanceOf(ConflictError);
    expect((error as ConflictError).code).to.equal('TRIP_EXISTS');
    await createTrip.execute({ actor: anActor(opsB), ...input });
  });

  it('names every invalid field', async () => {
    const { container } = tripTestContainer();
    const ops = await aUser(await aTenant(), { role: 'operations' });
    const error = await expectRefusedWithoutWrites(() =>
      container
        .get<CreateTrip>(TYPES.CreateTrip)
        .execute({ actor: anActor(ops), code: 'T', name: ' ', departureDate: '2026-02-30' }),
    );
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).fields.map((f) => f.field)).to.deep.equal([
      'code',
      'name',
      'departureDate',
    ]);
  });

  it('refuses field staff, who may not manage trips', async () => {
    const { container } = tripTestContainer();
    const guide = await aUser(await aTenant(), { role: 'field_staff' });
    const error = await expectRefusedWithoutWrites(() =>
      container
        .get<CreateTrip>(TYPES.CreateTrip)
        .execute({ actor: anActor(guide), code: 'TRP9', name: 'X', departureDate: '2026-05-01' }),
    );
    expect(error).to.be.instanceOf(PermissionError);
  });
});
