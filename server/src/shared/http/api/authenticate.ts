import type { Request } from 'express';
import type { Actor } from '../../../modules/identity/domain/Actor';
import type { ApiKeyRepository } from '../../../modules/identity/domain/UserRepository';
import { hashApiKey } from '../../crypto/apiKeys';
import { AuthenticationError } from '../../errors/AppError';

const BEARER = /^Bearer[ \t]+([\w.~+/=-]{1,256})[ \t]*$/i;

/**
 * `Authorization: Bearer <key>` → the key's active user → the Actor every use case takes.
 * Missing, unknown, revoked keys and deactivated users all answer the same 401.
 */
export async function authenticate(req: Request, apiKeys: ApiKeyRepository): Promise<Actor> {
  const header = req.headers.authorization;
  if (!header) throw new AuthenticationError('Send an API key as Authorization: Bearer <key>');
  const key = BEARER.exec(header)?.[1];
  const user = key ? await apiKeys.findUserByHash(hashApiKey(key)) : undefined;
  if (!user) throw new AuthenticationError('The API key is invalid or revoked', 'INVALID_API_KEY');
  return {
    tenantId: user.tenantId,
    role: user.role,
    userId: user.id,
    phone: user.phone,
    name: user.name,
    source: 'WEB',
  };
}
