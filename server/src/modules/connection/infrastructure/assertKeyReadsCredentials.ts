import type { Knex } from 'knex';
import { CredentialCipher } from '../../../shared/crypto/CredentialCipher';

export class EncryptionKeyMismatchError extends Error {}

/**
 * Start-up check: the key must decrypt the credentials already stored. Otherwise every provider
 * call would fail later, one by one — and a default tenant refreshed with the new key would make
 * the mismatch permanent. Runs before anything writes credentials. `keySource` names the key
 * for the operator (`ENCRYPTION_KEY`, or the embedded key file).
 */
export async function assertKeyReadsCredentials(knex: Knex, key: Buffer, keySource: string): Promise<void> {
  const cipher = new CredentialCipher(key);
  const rows = await knex('whatsapp_configurations')
    .whereNotNull('credentials')
    .select<Array<{ credentials: string }>>('credentials');
  const unreadable = rows.filter(({ credentials }) => {
    try {
      cipher.decrypt(credentials);
      return false;
    } catch {
      return true;
    }
  }).length;
  if (unreadable)
    throw new EncryptionKeyMismatchError(
      `${keySource} cannot decrypt the credentials stored in the database (${unreadable} of ${rows.length} WhatsApp configurations): ` +
        'start with the key they were stored with (see docs/operations.md, "The encryption key")',
    );
}
