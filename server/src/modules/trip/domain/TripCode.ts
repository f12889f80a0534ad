const TRIP_CODE = /^[A-Z0-9_-]{2,32}$/;

/** Trip codes are chosen by operations and matched case-insensitively: `trp123` is `TRP123`. */
export const TripCode = {
  normalize: (raw: string): string => raw.trim().toUpperCase(),
  isValid: (code: string): boolean => TRIP_CODE.test(code),
  /** Words of a caption that could be trip codes (uppercased, distinct), for a lookup by findByCodes. */
  candidatesIn(text: string): string[] {
    const words = text.split(/[^A-Za-z0-9_-]+/).map((word) => word.toUpperCase());
    return [...new Set(words.filter((word) => TRIP_CODE.test(word)))];
  },
};
