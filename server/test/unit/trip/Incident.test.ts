import { expect } from 'chai';
import { Incident } from '../../../src/modules/incident/domain/Incident';
import { BusinessRuleError, ValidationError } from '../../../src/shared/errors/AppError';

const anOpenIncident = () =>
  new Incident({
    id: 'i1',
    tenantId: 't1',
    ref: 'INC-7',
    tripId: 'trip1',
    reporterId: 'u1',
    description: 'Flat tyre',
    reportedAt: new Date('2026-03-01T09:00:00Z'),
    status: 'open',
  });

describe('Incident', () => {
  it('resolves an open incident with the note, who and when', () => {
    const incident = anOpenIncident();
    const at = new Date('2026-03-01T10:00:00Z');
    incident.resolve('  Tyre changed ', 'u2', at);
    expect(incident).to.include({
      status: 'resolved',
      resolutionNote: 'Tyre changed',
      resolvedBy: 'u2',
      resolvedAt: at,
    });
  });

  it('refuses a second resolution with INCIDENT_ALREADY_RESOLVED and keeps the first', () => {
    const incident = anOpenIncident();
    incident.resolve('first', 'u2', new Date());
    expect(() => incident.resolve('second', 'u3', new Date()))
      .to.throw(BusinessRuleError)
      .with.property('code', 'INCIDENT_ALREADY_RESOLVED');
    expect(incident).to.include({ resolutionNote: 'first', resolvedBy: 'u2' });
  });

  it('refuses an empty description when reported', () => {
    const report = () =>
      Incident.report({ tenantId: 't1', tripId: 'trip1', description: '   ', reportedAt: new Date() });
    expect(report)
      .to.throw(ValidationError)
      .with.property('fields')
      .that.deep.equals([{ field: 'description', message: 'must not be empty' }]);
  });
});
