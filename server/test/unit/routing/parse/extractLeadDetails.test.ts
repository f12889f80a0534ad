import { expect } from 'chai';
import { extractLeadDetails, type LeadDetails } from '../../../../src/routing/parse/extractLeadDetails';

type Case = [input: string, expected: number | undefined];

describe('extractLeadDetails', () => {
  describe('party size', () => {
    const cases: Case[] = [
      ['2 people', 2],
      ['We are 2 persons', 2],
      ['1 person', 1],
      ['a tour for 4', 4],
      ['party of 6', 6],
      ['we are 3', 3],
      ["We're 5 friends", 5],
      ['2 adults', 2],
      ['2 adults and 1 child', 3],
      ['2 adults, 2 kids', 4],
      ['two adults and a child', 3],
      ['3 pax', 3],
      ['2 personas', 2],
      ['para 4', 4],
      ['somos 3', 3],
      ['2 adultos y 2 niños', 4],
      ['2 ADULTOS Y 1 NIÑA', 3],
      ['two people', 2],
      ['dos personas', 2],
      ['Cuatro personas en diciembre', 4],
      ['tour for two', 2],
      ['a family of 5', 5],
      ['there are 4 of us', 4],
      ['group of 12 travellers', 12],
      ['December 2026, $400 budget, 2 people', 2],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${expected}`, () => {
        expect(extractLeadDetails(input).partySize).to.equal(expected);
      });
    }
  });

  describe('party size: years, prices, dates, durations and implausible numbers are not sizes', () => {
    const cases: Case[] = [
      ['December 2026', undefined],
      ['for 2026', undefined],
      ['$400 per person', undefined],
      ['for $400', undefined],
      ['for 400 dollars', undefined],
      ['on the 12th', undefined],
      ['for 12 December', undefined],
      ['para 4 de diciembre', undefined],
      ['for 3 nights', undefined],
      ['para 5 días', undefined],
      ['for 2 weeks', undefined],
      ['for one day', undefined],
      ['para un viaje', undefined],
      ['150 people', undefined],
      ['0 people', undefined],
      ['for 10:30', undefined],
      ['for 1.5', undefined],
      ['room 12/4 people', undefined],
      ['hello there', undefined],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${expected}`, () => {
        expect(extractLeadDetails(input).partySize).to.equal(expected);
      });
    }
  });

  describe('travel month: English and Spanish names and abbreviations, first one wins', () => {
    const cases: [string, string | undefined][] = [
      ['December', 'december'],
      ['in dec', 'december'],
      ['DIC', 'december'],
      ['diciembre', 'december'],
      ['Diciémbre', 'december'],
      ['sept', 'september'],
      ['sep 2026', 'september'],
      ['setiembre', 'september'],
      ['septiembre', 'september'],
      ['January', 'january'],
      ['enero', 'january'],
      ['mayo', 'may'],
      ['agosto', 'august'],
      ['Aug.', 'august'],
      ['marzo', 'march'],
      ['between March and April', 'march'],
      ['abril o mayo', 'april'],
      ['for 2 people in late Feb', 'february'],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${expected}`, () => {
        expect(extractLeadDetails(input).travelMonth).to.equal(expected);
      });
    }
  });

  describe('travel month: ambiguous words need a number or preposition next to them; whole words only', () => {
    const cases: [string, string | undefined][] = [
      ['in May', 'may'],
      ['May 2026', 'may'],
      ['may 5', 'may'],
      ['5 may', 'may'],
      ['early May please', 'may'],
      ['may we bring a dog?', undefined],
      ['We may come later', undefined],
      ['Hi, I am Jan', undefined],
      ['Jan 10', 'january'],
      ['vista al mar', undefined],
      ['15 mar', 'march'],
      ['two years ago', undefined],
      ['en ago', 'august'],
      ['a set of rooms', undefined],
      ['decent hotels', undefined],
      ['marathon tour', undefined],
      ['octopus dinner', undefined],
      ['hola', undefined],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${expected}`, () => {
        expect(extractLeadDetails(input).travelMonth).to.equal(expected);
      });
    }
  });

  describe('both together, and nothing found', () => {
    const cases: [string, LeadDetails][] = [
      ['Hola, somos 2 personas y queremos viajar en diciembre', { partySize: 2, travelMonth: 'december' }],
      [
        'we want to pay a visit to the glaciers in December, 2 people',
        { partySize: 2, travelMonth: 'december' },
      ],
      ['2 adultos y 2 niños, dic 2026', { partySize: 4, travelMonth: 'december' }],
      ['Any tours next week?', {}],
      ['', {}],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
        expect(extractLeadDetails(input)).to.deep.equal(expected);
      });
    }
  });
});
