import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';
import { preferredNationalNumber } from './whatsappQuirks';

export type { CountryCode };

export class InvalidPhoneNumberError extends Error {
  readonly code = 'INVALID_PHONE';

  constructor(readonly input: string) {
    super(`Invalid phone number: ${JSON.stringify(input.slice(0, 64))}`);
    this.name = 'InvalidPhoneNumberError';
  }
}

// libphonenumber skips trailing letters ("+14155550123abc" parses), so screen the characters first.
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;
const DIGITS_ONLY = /^\d+$/;
const RECENT_LIMIT = 10_000;
/** Written in full international form, within E.164's 15 digits. */
const INTERNATIONAL = /^\+\d{8,15}$/;

/**
 * A phone number in canonical E.164, WhatsApp country quirks applied (see whatsappQuirks.ts).
 * Any *possible* number is accepted, not only those libphonenumber's metadata calls valid: Meta's
 * +1 555 test range and ranges newer than the metadata are real WhatsApp users. A number in full
 * international form longer than the metadata knows for its country (a country adding a digit)
 * is taken as written. Only numbers too short for their country, or without a known country
 * code, are refused.
 */
export class PhoneNumber {
  private constructor(
    readonly e164: string,
    readonly country: CountryCode | undefined,
    private readonly countryCallingCode: string,
  ) {}

  static parse(input: string, defaultRegion?: CountryCode): PhoneNumber {
    const phone = PhoneNumber.tryParse(input, defaultRegion);
    if (!phone) throw new InvalidPhoneNumberError(input);
    return phone;
  }

  static tryParse(input: string, defaultRegion?: CountryCode): PhoneNumber | undefined {
    const text = input.trim();
    if (!PHONE_CHARACTERS.test(text)) return undefined;
    // A bare run of 11+ digits is most likely a WhatsApp id (country code, no "+"). Shorter runs
    // without a region are ambiguous (US `4155550123` would read as a Swiss number), so they fail.
    const asWhatsAppId = DIGITS_ONLY.test(text) && text.length >= 11 ? `+${text}` : undefined;
    return (
      PhoneNumber.canonical(text, defaultRegion) ??
      (asWhatsAppId ? PhoneNumber.canonical(asWhatsAppId) : undefined)
    );
  }

  /** A WhatsApp id is the number Meta delivered for: as written, when the metadata has no length for it. */
  static tryFromWhatsAppId(waId: string): PhoneNumber | undefined {
    return DIGITS_ONLY.test(waId) ? PhoneNumber.canonical(`+${waId}`) : undefined;
  }

  static fromWhatsAppId(waId: string): PhoneNumber {
    // wa_ids always carry the country code, whatever their length (Singapore's are 10 digits).
    const phone = PhoneNumber.tryFromWhatsAppId(waId);
    if (!phone) throw new InvalidPhoneNumberError(waId);
    return phone;
  }

  static sameContact(a: string, b: string, defaultRegion?: CountryCode): boolean {
    const first = PhoneNumber.tryParse(a, defaultRegion);
    const second = PhoneNumber.tryParse(b, defaultRegion);
    return first !== undefined && second !== undefined && first.equals(second);
  }

  // Parsing with the full metadata costs tens of microseconds, and the same few thousand customers
  // write again and again: remember recent answers (instances are immutable).
  private static readonly recent = new Map<string, PhoneNumber | undefined>();

  private static canonical(text: string, defaultRegion?: CountryCode): PhoneNumber | undefined {
    const key = `${defaultRegion ?? ''} ${text}`;
    if (PhoneNumber.recent.has(key)) return PhoneNumber.recent.get(key);
    const phone = PhoneNumber.parseCanonical(text, defaultRegion);
    if (PhoneNumber.recent.size >= RECENT_LIMIT) PhoneNumber.recent.clear();
    PhoneNumber.recent.set(key, phone);
    return phone;
  }

  private static parseCanonical(text: string, defaultRegion?: CountryCode): PhoneNumber | undefined {
    const parsed = parsePhoneNumberFromString(text, defaultRegion);
    if (!parsed) return undefined;
    const callingCode = parsed.countryCallingCode;
    const preferred = preferredNationalNumber(callingCode, parsed.nationalNumber);
    const quirk =
      preferred === parsed.nationalNumber
        ? undefined
        : parsePhoneNumberFromString(`+${callingCode}${preferred}`);
    const candidates = [quirk, parsed];
    const chosen =
      candidates.find((candidate) => candidate?.isValid()) ??
      candidates.find((candidate) => candidate?.isPossible()) ??
      (beyondMetadata(text) ? parsed : undefined);
    return chosen && new PhoneNumber(chosen.number, chosen.country, callingCode);
  }

  equals(other: PhoneNumber): boolean {
    return this.e164 === other.e164;
  }

  /** E.164 without the "+": what Meta's `to` and wa_id look like. */
  digits(): string {
    return this.e164.slice(1);
  }

  /** Twilio addresses WhatsApp recipients as `whatsapp:+E164`. */
  toWhatsAppAddress(): string {
    return `whatsapp:${this.e164}`;
  }

  /** For logs: country code and last 4 digits survive, e.g. `+54*******5678`. */
  masked(): string {
    const subscriber = this.digits().slice(this.countryCallingCode.length);
    const hidden = Math.max(subscriber.length - 4, 0);
    return `+${this.countryCallingCode}${'*'.repeat(hidden)}${subscriber.slice(hidden)}`;
  }

  toString(): string {
    return this.e164;
  }
}

/** Longer than any number the metadata knows for the country (or between its lengths): newer than the metadata. */
function beyondMetadata(text: string): boolean {
  const compact = text.replace(/[\s().-]/g, '');
  if (!INTERNATIONAL.test(compact)) return false;
  const verdict = validatePhoneNumberLength(compact);
  return verdict === 'TOO_LONG' || verdict === 'INVALID_LENGTH';
}
