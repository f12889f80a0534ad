import { expect } from 'chai';
import { assignRoundRobin } from '../../../src/modules/lead/domain/assignRoundRobin';
import type { SalesRepLoad } from '../../../src/modules/lead/domain/SalesRepSelector';

const rep = (id: string, openLeads: number, lastAssignedAt?: string): SalesRepLoad => ({
  id,
  name: id,
  phone: `+54911555500${id.length}`,
  role: 'sales',
  openLeads,
  lastAssignedAt: lastAssignedAt ? new Date(lastAssignedAt) : undefined,
});

describe('assignRoundRobin', () => {
  it('gives each lead to the least loaded rep, the least recently given one among equals', () => {
    const reps = [rep('a', 2, '2026-01-01'), rep('b', 0, '2026-01-02'), rep('c', 1, '2026-01-03')];
    expect(assignRoundRobin(reps, 5).map((r) => r.id)).to.deep.equal(['b', 'c', 'b', 'a', 'c']);
  });

  it('among equals, gives the next lead to the rep never or least recently given one, then by id', () => {
    const reps = [rep('b', 1, '2026-01-02'), rep('a', 1, '2026-01-03'), rep('d', 1), rep('c', 1)];
    expect(assignRoundRobin(reps, 4).map((r) => r.id)).to.deep.equal(['c', 'd', 'b', 'a']);
  });

  it('assigns nobody without reps, and returns contacts only', () => {
    expect(assignRoundRobin([], 3)).to.deep.equal([]);
    expect(assignRoundRobin([rep('a', 0)], 1)).to.deep.equal([
      { id: 'a', name: 'a', phone: '+549115555001', role: 'sales' },
    ]);
  });
});
