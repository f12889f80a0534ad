import type { SalesRepLoad, StaffContact } from './SalesRepSelector';

/**
 * SPEC §6: each new lead goes to the rep with the fewest open leads; among equals to the one least
 * recently given a lead (round-robin), then by id. Picks for `count` leads in a row, each pick
 * counting towards the next. Empty when there is no rep.
 */
export function assignRoundRobin(reps: readonly SalesRepLoad[], count: number): StaffContact[] {
  if (!reps.length) return [];
  const state = reps.map((rep) => ({
    rep,
    open: rep.openLeads,
    last: rep.lastAssignedAt?.getTime() ?? -Infinity,
  }));
  const picks: StaffContact[] = [];
  for (let i = 0; i < count; i++) {
    const next = state.reduce((best, s) => (before(s, best) ? s : best));
    next.open++;
    next.last = LATEST_DATE_MS + i;
    const { id, name, phone, role } = next.rep;
    picks.push({ id, name, phone, role });
  }
  return picks;
}

/** The largest time a Date can hold: every pick made here is later than anything stored. */
const LATEST_DATE_MS = 8.64e15;

type Candidate = { rep: SalesRepLoad; open: number; last: number };

function before(a: Candidate, b: Candidate): boolean {
  if (a.open !== b.open) return a.open < b.open;
  if (a.last !== b.last) return a.last < b.last;
  return a.rep.id < b.rep.id;
}
