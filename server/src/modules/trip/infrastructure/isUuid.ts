const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients; a malformed one matches nothing instead of failing the transaction. */
export const isUuid = (value: string): boolean => UUID.test(value);
