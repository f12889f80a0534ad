const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The message id a status echoes back (we send our `whatsapp_messages` id). Anything else — the
 * same number used by other software with callback data of its own — is not ours.
 */
export const ourMessageId = (echoed: string | undefined): string | undefined =>
  echoed !== undefined && UUID.test(echoed) ? echoed.toLowerCase() : undefined;
