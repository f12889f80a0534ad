import { expect } from 'chai';
import { parseSpokenCommand } from '../../../../src/routing/parse/parseSpokenCommand';

describe('parseSpokenCommand: a voice note that clearly speaks a command', () => {
  const cases: Array<[string, unknown]> = [
    [
      'Issue TRP123, flat tyre at kilometre 40.',
      { kind: 'issue', tripCode: 'TRP123', description: 'flat tyre at kilometre 40' },
    ],
    ['Check in TRP 123.', { kind: 'checkin', tripCode: 'TRP123' }],
    ['Status TRP 7', { kind: 'trip_status', tripCode: 'TRP7' }],
    [
      'Resolved INC 7, the van is fixed!',
      { kind: 'resolve', incidentRef: 'INC-7', note: 'the van is fixed' },
    ],
    [
      'Incidente TRP123 se pinchó una rueda',
      { kind: 'issue', tripCode: 'TRP123', description: 'se pinchó una rueda' },
    ],
  ];
  for (const [spoken, command] of cases)
    it(`"${spoken}" runs as ${JSON.stringify(command)}`, () => {
      expect(parseSpokenCommand(spoken)).to.deep.equal(command);
    });

  for (const spoken of [
    'Help, the van broke down near the bridge.',
    'Issue with the van, it will not start.',
    'We are at the falls, everybody is happy.',
    'Issue TRP123.',
    'Status.',
  ])
    it(`"${spoken}" is a voice note, not a command`, () => {
      expect(parseSpokenCommand(spoken)).to.equal(undefined);
    });
});
