import { expect } from 'chai';
import { parseCustomerIntent, type CustomerIntent } from '../../../../src/routing/parse/parseCustomerIntent';

type Case = [input: string | undefined, expected: CustomerIntent];

function check(cases: Case[]): void {
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(parseCustomerIntent(input)).to.deep.equal(expected);
    });
  }
}

const optOut: CustomerIntent = { kind: 'opt_out' };
const optIn: CustomerIntent = { kind: 'opt_in' };
const payment: CustomerIntent = { kind: 'payment' };
const status: CustomerIntent = { kind: 'booking_status' };
const enquiry: CustomerIntent = { kind: 'enquiry' };
const statusOf = (bookingRef: string): CustomerIntent => ({ kind: 'booking_status', bookingRef });
const staff = (keyword: string): CustomerIntent => ({ kind: 'staff_command', keyword });

describe('parseCustomerIntent', () => {
  describe('STOP / START: the whole message, any case, punctuation ignored', () => {
    check([
      ['STOP', optOut],
      ['stop', optOut],
      ['  Stop!  ', optOut],
      ['UNSUBSCRIBE', optOut],
      ['baja', optOut],
      ['Darme de baja', optOut],
      ['Cancelar suscripción', optOut],
      ['START', optIn],
      ['start.', optIn],
      ['SUBSCRIBE', optIn],
      ['UNSTOP', optIn],
      ['Alta', optIn],
    ]);
  });

  describe('STOP / START words inside a longer message are enquiries', () => {
    check([
      ["don't stop the tour", enquiry],
      ['stop please', enquiry],
      ['Where does the bus start?', enquiry],
      ['cancelar', enquiry],
      ['cancel', enquiry],
      ['temporada baja en diciembre?', enquiry],
    ]);
  });

  describe('booking status: keywords, refs (normalised) and short phrases', () => {
    check([
      ['STATUS', status],
      ['estado', status],
      ['Estado?', status],
      ['status please', status],
      ['BK-12', statusOf('BK-12')],
      ['bk 12', statusOf('BK-12')],
      ['bk12', statusOf('BK-12')],
      ['#BK-0012', statusOf('BK-12')],
      ['status of BK-12', statusOf('BK-12')],
      ['STATUS BK-12', statusOf('BK-12')],
      ['Estado de mi reserva BK-3', statusOf('BK-3')],
      ['booking status', status],
      ['Where is my booking?', status],
      ["Where's my booking??", status],
      ['my booking', status],
      ['Estado de mi reserva', status],
      ['¿Dónde está mi reserva?', status],
      ['mi reserva', status],
    ]);
  });

  describe('cancellation requests: a cancel word with a booking ref or a booking noun, short messages', () => {
    const cancel = (bookingRef?: string): CustomerIntent => ({
      kind: 'cancel_request',
      ...(bookingRef ? { bookingRef } : {}),
    });
    check([
      ['CANCEL BK-12', cancel('BK-12')],
      ['cancelar bk 3', cancel('BK-3')],
      ['Can I cancel BK-0012?', cancel('BK-12')],
      ['I want to cancel my booking', cancel()],
      ['Quiero cancelar mi reserva', cancel()],
      ['anular la reserva', cancel()],
      ['cancel', enquiry],
      ['cancel the snorkelling add-on and keep the rest please, we changed our minds', enquiry],
      ['Cancelar suscripción', optOut],
    ]);
  });

  describe('payment: keywords and short phrases, accents ignored', () => {
    check([
      ['PAY', payment],
      ['pay', payment],
      ['Pagar', payment],
      ['How do I pay?', payment],
      ['how can I pay by card', payment],
      ['How do I book?', payment],
      ['payment link please', payment],
      ['¿Cómo pago?', payment],
      ['como pago', payment],
      ['Link de pago', payment],
      ['quiero pagar mi reserva', payment],
      ['how do I pay BK-12', payment],
    ]);
  });

  describe('short-message rule: long free text that mentions pay/booking stays an enquiry', () => {
    check([
      ['we want to pay a visit to the glaciers in December, 2 people', enquiry],
      ['Hi! We are a family of four and would like to know how do I pay for the Patagonia trip', enquiry],
      [
        'Hello, I read about the trek and want to know the status of availability for my booking in March',
        enquiry,
      ],
      ['We are 2 and we would like to ask about booking BK-12 and adding a friend please', enquiry],
    ]);
  });

  describe('a customer typing a staff command is flagged, never a lead', () => {
    check([
      ['ISSUE TRP123 the bus is late', staff('ISSUE')],
      ['issue trp123', staff('ISSUE')],
      ['CHECKIN TRP123', staff('CHECKIN')],
      ['check in TRP-7', staff('CHECKIN')],
      ['RESOLVED INC-7', staff('RESOLVED')],
      ['resolved inc 7', staff('RESOLVED')],
      ['BROADCAST TRP123 hello all', staff('BROADCAST')],
      ['APPROVE Q-1', staff('APPROVE')],
      ['incidente TRP123 sin agua', staff('ISSUE')],
    ]);
  });

  describe('staff keywords used as ordinary words are not staff commands', () => {
    check([
      ['Issue with my payment', enquiry],
      ['Problema con mi reserva', status],
      ['check in time?', enquiry],
      ['Check in 3pm?', enquiry],
      ['Resuelto, gracias', enquiry],
      ['Problema 2 personas', enquiry],
      ['issue BK-12 refund', statusOf('BK-12')],
      ['approve', enquiry],
      ['STATUS TRP123', status],
    ]);
  });

  describe('everything else is an enquiry', () => {
    check([
      [undefined, enquiry],
      ['', enquiry],
      ['   ', enquiry],
      ['👍', enquiry],
      ['Hi, do you have tours to Torres del Paine in December for 2 people?', enquiry],
      ['Hola, quisiera información del glaciar', enquiry],
      ['HELP', enquiry],
      ['booking', enquiry],
    ]);
  });

  describe('interactive replies: id first, then title, then text', () => {
    const cases: [id: string, title: string, text: string | undefined, expected: CustomerIntent][] = [
      ['PAY', 'Whatever', undefined, payment],
      ['pay', 'x', undefined, payment],
      ['PAYMENT', 'x', undefined, payment],
      ['STATUS', 'x', undefined, status],
      ['booking_status', 'x', undefined, status],
      ['booking-status', 'x', undefined, status],
      ['STOP', 'x', undefined, optOut],
      ['start', 'x', undefined, optIn],
      ['btn_1', 'Pagar', undefined, payment],
      ['btn_2', 'Estado de mi reserva', undefined, status],
      ['btn_3', 'Stop', undefined, optOut],
      ['btn_4', 'More info', undefined, enquiry],
      ['STOP', 'Keep me posted', 'Keep me posted', optOut],
      ['btn_5', 'Other', 'BK-9', statusOf('BK-9')],
    ];
    for (const [id, title, text, expected] of cases) {
      it(`reply {id: ${id}, title: ${title}} with text ${JSON.stringify(text)} → ${expected.kind}`, () => {
        expect(parseCustomerIntent(text, { id, title })).to.deep.equal(expected);
      });
    }
  });
});
