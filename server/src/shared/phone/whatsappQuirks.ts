/**
 * Country quirks where WhatsApp ids, everyday notation and libphonenumber's E.164 disagree about the
 * same subscriber. Works on the national significant number (no country code, no trunk prefix) and
 * returns the form we prefer; the caller keeps it only if libphonenumber says the result is valid.
 */
export function preferredNationalNumber(countryCallingCode: string, nationalNumber: string): string {
  switch (countryCallingCode) {
    case '54':
      return argentina(nationalNumber);
    case '52':
      return mexico(nationalNumber);
    case '55':
      return brazil(nationalNumber);
    default:
      return nationalNumber;
  }
}

// AR: mobiles are `+54 9 <area> <number>` internationally (and WhatsApp ids are `549…`), but people
// write them as `11 1234-5678`, dropping the domestic "15" / international "9". Fixed and mobile
// numbers share one plan, so metadata cannot tell them apart: on a WhatsApp line we read the 10-digit
// form as the mobile. libphonenumber already maps `0<area> 15 <number>` to the 9 form itself.
function argentina(nationalNumber: string): string {
  return nationalNumber.length === 10 ? `9${nationalNumber}` : nationalNumber;
}

// MX: the mobile "1" (`+52 1 …`) was dropped from the plan in 2019, yet WhatsApp ids are still
// commonly `521` + 10 digits. The canonical number is `+52` + 10 digits.
function mexico(nationalNumber: string): string {
  return nationalNumber.length === 11 && nationalNumber.startsWith('1')
    ? nationalNumber.slice(1)
    : nationalNumber;
}

// BR: accounts registered before the ninth-digit change keep the 8-digit id (`55 DD XXXXXXXX`).
// Subscribers starting 6–9 are mobiles and gain the 9; 2–5 are landlines and stay as they are.
function brazil(nationalNumber: string): string {
  return /^\d{2}[6-9]\d{7}$/.test(nationalNumber)
    ? `${nationalNumber.slice(0, 2)}9${nationalNumber.slice(2)}`
    : nationalNumber;
}
