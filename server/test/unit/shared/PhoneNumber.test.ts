import { expect } from 'chai';
import { InvalidPhoneNumberError, PhoneNumber } from '../../../src/shared/phone/PhoneNumber';

describe('PhoneNumber', () => {
  describe('parse', () => {
    it('keeps a plain E.164 number as is', () => {
      expect(PhoneNumber.parse('+14155550123').e164).to.equal('+14155550123');
    });

    it('strips spaces, dashes and parentheses from a formatted international number', () => {
      expect(PhoneNumber.parse('+1 (415) 555-0123').e164).to.equal('+14155550123');
      expect(PhoneNumber.parse('  +44 20 7946 0958 ').e164).to.equal('+442079460958');
    });

    const nationals: Array<[Parameters<typeof PhoneNumber.parse>[1], string, string]> = [
      ['US', '(415) 555-0123', '+14155550123'],
      ['GB', '020 7946 0958', '+442079460958'],
      ['AR', '11 1234-5678', '+5491112345678'],
      ['MX', '55 1234 5678', '+525512345678'],
      ['BR', '(11) 98765-4321', '+5511987654321'],
      ['ES', '612 345 678', '+34612345678'],
      ['IN', '98765 43210', '+919876543210'],
    ];
    for (const [region, input, e164] of nationals) {
      it(`reads the national number "${input}" against default region ${region}`, () => {
        const phone = PhoneNumber.parse(input, region);
        expect(phone.e164).to.equal(e164);
        expect(phone.country).to.equal(region);
      });
    }

    it('reads a digits-only WhatsApp id as international when there is no default region', () => {
      expect(PhoneNumber.parse('14155550123').e164).to.equal('+14155550123');
      expect(PhoneNumber.parse('5491112345678').e164).to.equal('+5491112345678');
    });

    it('falls back to reading a foreign WhatsApp id as international when a default region does not fit', () => {
      expect(PhoneNumber.parse('5491112345678', 'US').e164).to.equal('+5491112345678');
    });

    it('gives the same canonical number when its own e164 is parsed again', () => {
      for (const e164 of ['+5491112345678', '+525512345678', '+5511987654321', '+551133334444']) {
        expect(PhoneNumber.parse(e164).e164).to.equal(e164);
      }
    });
  });

  describe('WhatsApp country quirks', () => {
    it('AR: national, international with 9 and wa_id are all +5491112345678', () => {
      for (const [input, region] of [
        ['11 1234-5678', 'AR'],
        ['+54 9 11 1234-5678'],
        ['5491112345678'],
      ] as const) {
        expect(PhoneNumber.parse(input, region).e164).to.equal('+5491112345678');
      }
    });

    it('AR: a number dialled domestically as 0<area> 15 <number> is the same mobile', () => {
      expect(PhoneNumber.parse('011 15-1234-5678', 'AR').e164).to.equal('+5491112345678');
    });

    it('AR: an international number written without the mobile 9 is read as the mobile', () => {
      expect(PhoneNumber.parse('+54 11 1234-5678').e164).to.equal('+5491112345678');
      expect(PhoneNumber.fromWhatsAppId('541112345678').e164).to.equal('+5491112345678');
    });

    it('MX: +52 1 …, the legacy 521 wa_id and +52 … are all +525512345678', () => {
      for (const input of ['+52 1 55 1234 5678', '5215512345678', '+52 55 1234 5678']) {
        expect(PhoneNumber.parse(input).e164).to.equal('+525512345678');
      }
    });

    it('BR: the 8-digit legacy wa_id of a mobile is the same contact as the 9-digit number', () => {
      expect(PhoneNumber.parse('5511987654321').e164).to.equal('+5511987654321');
      expect(PhoneNumber.parse('551187654321').e164).to.equal('+5511987654321');
      expect(PhoneNumber.sameContact('5511987654321', '551187654321')).to.equal(true);
    });

    it('BR: a landline (subscriber starting 2–5) keeps its 8 digits', () => {
      expect(PhoneNumber.parse('551133334444').e164).to.equal('+551133334444');
    });
  });

  describe('invalid input', () => {
    const invalid = ['', '   ', 'abc', '+14155550123abc', '+1 234', '12345678901234567890', '4155550123'];
    for (const input of invalid) {
      it(`throws InvalidPhoneNumberError for ${JSON.stringify(input)}`, () => {
        expect(() => PhoneNumber.parse(input)).to.throw(InvalidPhoneNumberError);
      });
    }

    it('names the input and carries the INVALID_PHONE code', () => {
      try {
        PhoneNumber.parse('abc');
        expect.fail('expected parse to throw');
      } catch (error) {
        expect(error).to.be.instanceOf(InvalidPhoneNumberError);
        expect((error as InvalidPhoneNumberError).code).to.equal('INVALID_PHONE');
        expect((error as InvalidPhoneNumberError).message).to.contain('"abc"');
      }
    });

    it('tryParse returns undefined instead of throwing', () => {
      expect(PhoneNumber.tryParse('abc')).to.equal(undefined);
      expect(PhoneNumber.tryParse('+14155550123')?.e164).to.equal('+14155550123');
    });
  });

  describe('possible numbers the metadata does not call valid', () => {
    it('accepts Meta’s +1 555 test range and other possible numbers in every notation', () => {
      expect(PhoneNumber.parse('+1 555 010 0123').e164).to.equal('+15550100123');
      expect(PhoneNumber.parse('15550100123').e164).to.equal('+15550100123');
      expect(PhoneNumber.parse('(555) 010-0123', 'US').e164).to.equal('+15550100123');
      expect(PhoneNumber.parse('+44 7700 900123').e164).to.equal('+447700900123');
    });

    it('still prefers the valid quirk form (AR mobile 9) over a merely possible one', () => {
      expect(PhoneNumber.parse('+54 11 1234-5678').e164).to.equal('+5491112345678');
    });

    it('takes a number in full international form longer than its country’s known lengths as written', () => {
      expect(PhoneNumber.parse('+88017123456789').e164).to.equal('+88017123456789');
      expect(PhoneNumber.fromWhatsAppId('88017123456789').e164).to.equal('+88017123456789');
    });

    it('refuses numbers too short for their country, and unknown country codes', () => {
      for (const input of ['+1415555', '+1 555', '+99912345678', '+5411123'])
        expect(PhoneNumber.tryParse(input), input).to.equal(undefined);
    });
  });

  describe('fromWhatsAppId', () => {
    it('canonicalises a wa_id, including the quirks', () => {
      expect(PhoneNumber.fromWhatsAppId('14155550123').e164).to.equal('+14155550123');
      expect(PhoneNumber.fromWhatsAppId('5215512345678').e164).to.equal('+525512345678');
      expect(PhoneNumber.fromWhatsAppId('551187654321').e164).to.equal('+5511987654321');
    });

    it('reads wa_ids shorter than 11 digits as international too', () => {
      expect(PhoneNumber.fromWhatsAppId('6591234567').e164).to.equal('+6591234567');
    });

    it('rejects anything that is not only digits', () => {
      expect(() => PhoneNumber.fromWhatsAppId('+14155550123')).to.throw(InvalidPhoneNumberError);
      expect(() => PhoneNumber.fromWhatsAppId('')).to.throw(InvalidPhoneNumberError);
    });
  });

  describe('instance', () => {
    const phone = PhoneNumber.parse('+54 9 11 1234-5678');

    it('masks everything but the country code and the last 4 digits', () => {
      expect(phone.masked()).to.equal('+54*******5678');
      expect(PhoneNumber.parse('+14155550123').masked()).to.equal('+1******0123');
    });

    it('equals another PhoneNumber for the same canonical number', () => {
      expect(phone.equals(PhoneNumber.fromWhatsAppId('5491112345678'))).to.equal(true);
      expect(phone.equals(PhoneNumber.parse('+14155550123'))).to.equal(false);
    });

    it('exposes digits, the Twilio address, the country and e164 as its string form', () => {
      expect(phone.digits()).to.equal('5491112345678');
      expect(phone.toWhatsAppAddress()).to.equal('whatsapp:+5491112345678');
      expect(phone.country).to.equal('AR');
      expect(String(phone)).to.equal('+5491112345678');
    });
  });

  describe('sameContact', () => {
    it('is true for two notations of one number and false for different or invalid numbers', () => {
      expect(PhoneNumber.sameContact('11 1234-5678', '5491112345678', 'AR')).to.equal(true);
      expect(PhoneNumber.sameContact('+14155550123', '+14155550124')).to.equal(false);
      expect(PhoneNumber.sameContact('abc', 'abc')).to.equal(false);
    });
  });
});
