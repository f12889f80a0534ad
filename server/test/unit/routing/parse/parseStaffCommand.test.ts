import { expect } from 'chai';
import { parseStaffCommand, type StaffCommand } from '../../../../src/routing/parse/parseStaffCommand';

type Case = [input: string, expected: StaffCommand];

function check(cases: Case[]): void {
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(parseStaffCommand(input)).to.deep.equal(expected);
    });
  }
}

type MalformedCase = [input: string, command: string, mentions: string];

function checkMalformed(cases: MalformedCase[]): void {
  for (const [input, command, mentions] of cases) {
    it(`${JSON.stringify(input)} is a malformed ${command} naming "${mentions}"`, () => {
      const parsed = parseStaffCommand(input);
      expect(parsed).to.include({ kind: 'malformed', command });
      expect((parsed as { problem: string }).problem).to.include(mentions);
    });
  }
}

describe('parseStaffCommand', () => {
  describe('CHECKIN: keyword spellings, optional note', () => {
    check([
      ['CHECKIN TRP123', { kind: 'checkin', tripCode: 'TRP123' }],
      ['checkin trp123', { kind: 'checkin', tripCode: 'TRP123' }],
      ['Check-In TRP123', { kind: 'checkin', tripCode: 'TRP123' }],
      ['CHECK IN TRP123', { kind: 'checkin', tripCode: 'TRP123' }],
      ['check   in\ttrp-7', { kind: 'checkin', tripCode: 'TRP-7' }],
      [
        '  CHECKIN TRP123 all guests on board  ',
        { kind: 'checkin', tripCode: 'TRP123', note: 'all guests on board' },
      ],
      ['CHECKIN TRP123: Hotel  Llao Llao', { kind: 'checkin', tripCode: 'TRP123', note: 'Hotel  Llao Llao' }],
      ['CHECKIN: TRP123', { kind: 'checkin', tripCode: 'TRP123' }],
      ['checkin PATAGONIA24, at the pier', { kind: 'checkin', tripCode: 'PATAGONIA24', note: 'at the pier' }],
    ]);
  });

  describe('ISSUE: trip code then description, punctuation after the code ignored', () => {
    check([
      ['ISSUE TRP123 flat tyre', { kind: 'issue', tripCode: 'TRP123', description: 'flat tyre' }],
      ['issue trp123 flat tyre', { kind: 'issue', tripCode: 'TRP123', description: 'flat tyre' }],
      ['ISSUE  TRP123: Flat tyre', { kind: 'issue', tripCode: 'TRP123', description: 'Flat tyre' }],
      ['issue trp123 - flat tyre', { kind: 'issue', tripCode: 'TRP123', description: 'flat tyre' }],
      ['issue trp123, flat tyre', { kind: 'issue', tripCode: 'TRP123', description: 'flat tyre' }],
      ['issue trp123. flat tyre', { kind: 'issue', tripCode: 'TRP123', description: 'flat tyre' }],
      ['issue trp123- flat tyre', { kind: 'issue', tripCode: 'TRP123', description: 'flat tyre' }],
      ['ISSUE TRP123:Bus late', { kind: 'issue', tripCode: 'TRP123', description: 'Bus late' }],
      [
        'ISSUE\nTRP123\nBus broke down,  waiting\nfor the mechanic ',
        { kind: 'issue', tripCode: 'TRP123', description: 'Bus broke down,  waiting\nfor the mechanic' },
      ],
      ['ISSUE trp_9 Lost passport', { kind: 'issue', tripCode: 'TRP_9', description: 'Lost passport' }],
    ]);
  });

  describe('Spanish aliases', () => {
    check([
      [
        'INCIDENTE TRP123 rueda pinchada',
        { kind: 'issue', tripCode: 'TRP123', description: 'rueda pinchada' },
      ],
      ['incidencia trp123 retraso', { kind: 'issue', tripCode: 'TRP123', description: 'retraso' }],
      ['Problema TRP123: sin agua', { kind: 'issue', tripCode: 'TRP123', description: 'sin agua' }],
      ['RESUELTO TRP123', { kind: 'resolve', tripCode: 'TRP123' }],
      ['resuelta inc-4 listo', { kind: 'resolve', incidentRef: 'INC-4', note: 'listo' }],
      ['ESTADO TRP123', { kind: 'trip_status', tripCode: 'TRP123' }],
      ['aprobar q-3', { kind: 'approve_quote', quoteRef: 'Q-3' }],
      ['AYUDA', { kind: 'help' }],
      ['Menú', { kind: 'help' }],
    ]);
  });

  describe('RESOLVED: incident ref (normalised) or trip code, optional note', () => {
    check([
      ['RESOLVED INC-7', { kind: 'resolve', incidentRef: 'INC-7' }],
      ['resolved inc 7', { kind: 'resolve', incidentRef: 'INC-7' }],
      ['resolved inc7', { kind: 'resolve', incidentRef: 'INC-7' }],
      ['RESOLVED INC-007 tyre replaced', { kind: 'resolve', incidentRef: 'INC-7', note: 'tyre replaced' }],
      ['RESOLVE INC-12: Fixed', { kind: 'resolve', incidentRef: 'INC-12', note: 'Fixed' }],
      ['RESOLVED TRP123', { kind: 'resolve', tripCode: 'TRP123' }],
      ['resolve trp123 - all sorted', { kind: 'resolve', tripCode: 'TRP123', note: 'all sorted' }],
      ['RESOLVED INCA24 done', { kind: 'resolve', tripCode: 'INCA24', note: 'done' }],
    ]);
  });

  describe('STATUS, BROADCAST, APPROVE', () => {
    check([
      ['STATUS TRP123', { kind: 'trip_status', tripCode: 'TRP123' }],
      ['status   trp123?', { kind: 'trip_status', tripCode: 'TRP123' }],
      ['STATUS PATAGONIA24', { kind: 'trip_status', tripCode: 'PATAGONIA24' }],
      [
        'BROADCAST TRP123 Pickup moved to 8:00 AM',
        { kind: 'broadcast', tripCode: 'TRP123', text: 'Pickup moved to 8:00 AM' },
      ],
      [
        'broadcast trp123:  Bring  a jacket!\nSee you',
        { kind: 'broadcast', tripCode: 'TRP123', text: 'Bring  a jacket!\nSee you' },
      ],
      ['APPROVE Q-12', { kind: 'approve_quote', quoteRef: 'Q-12' }],
      ['approve q12', { kind: 'approve_quote', quoteRef: 'Q-12' }],
      ['Approve q 012', { kind: 'approve_quote', quoteRef: 'Q-12' }],
      ['APPROVE Q-12.', { kind: 'approve_quote', quoteRef: 'Q-12' }],
    ]);
  });

  describe('UPDATE INC-7 <text> and STATUS INC-7 (SPEC §22)', () => {
    check([
      [
        'UPDATE INC-7 backup van on the way',
        { kind: 'update_incident', incidentRef: 'INC-7', note: 'backup van on the way' },
      ],
      ['update inc 7: ETA 20 min', { kind: 'update_incident', incidentRef: 'INC-7', note: 'ETA 20 min' }],
      [
        'Actualizar INC-007 llega la grúa',
        { kind: 'update_incident', incidentRef: 'INC-7', note: 'llega la grúa' },
      ],
      ['STATUS INC-7', { kind: 'incident_status', incidentRef: 'INC-7' }],
      ['estado inc7', { kind: 'incident_status', incidentRef: 'INC-7' }],
      ['STATUS TRP123', { kind: 'trip_status', tripCode: 'TRP123' }],
    ]);
    checkMalformed([
      ['UPDATE', 'update', 'missing incident ref'],
      ['UPDATE INC-7', 'update', 'missing text of the update'],
      ['UPDATE TRP123 van fixed', 'update', '"TRP123" is not an incident ref'],
      ['STATUS', 'trip_status', 'missing trip code or incident ref'],
    ]);
  });

  describe('HELP', () => {
    check([
      ['HELP', { kind: 'help' }],
      ['help me', { kind: 'help' }],
      ['Help?', { kind: 'help' }],
      ['?', { kind: 'help' }],
      ['MENU', { kind: 'help' }],
      ['¿ayuda?', { kind: 'help' }],
    ]);
  });

  describe('malformed: the problem names what is missing', () => {
    checkMalformed([
      ['CHECKIN', 'checkin', 'missing trip code'],
      ['check in:', 'checkin', 'missing trip code'],
      ['ISSUE', 'issue', 'missing trip code'],
      ['ISSUE TRP123', 'issue', 'missing description'],
      ['issue trp123:  ', 'issue', 'missing description'],
      ['RESOLVED', 'resolve', 'missing trip code or incident ref'],
      ['STATUS', 'trip_status', 'missing trip code'],
      ['BROADCAST', 'broadcast', 'missing trip code'],
      ['BROADCAST TRP123', 'broadcast', 'missing message text'],
      ['APPROVE', 'approve_quote', 'missing quote ref'],
      ['APPROVE TRP123', 'approve_quote', '"TRP123" is not a quote ref'],
      ['approve quote 12', 'approve_quote', '"quote" is not a quote ref'],
      ['CHECKIN X', 'checkin', '"X" is not a trip code'],
      ['STATUS #TRP1', 'trip_status', '"#TRP1" is not a trip code'],
      [`STATUS T${'1'.repeat(40)}`, 'trip_status', 'is not a trip code'],
      ['ISSUE ¡fuego! TRP1', 'issue', 'is not a trip code'],
    ]);
  });

  describe('anything else is unknown', () => {
    check([
      ['', { kind: 'unknown' }],
      ['   ', { kind: 'unknown' }],
      ['hello', { kind: 'unknown' }],
      ['ISSUETRP123 flat tyre', { kind: 'unknown' }],
      ['check TRP123', { kind: 'unknown' }],
      ['LLEGADA TRP123', { kind: 'unknown' }],
      ['please ISSUE TRP123 flat tyre', { kind: 'unknown' }],
      ['STOP', { kind: 'unknown' }],
      ['👍', { kind: 'unknown' }],
    ]);
  });
});
