import { inject, injectable } from 'inversify';
import { hashToken, newRandomToken } from '../../../shared/crypto/consoleSecrets';
import { TYPES } from '../../../types';
import type { SetupTokenRepository } from '../domain/SetupTokenRepository';

/**
 * At start-up: while the tenant has no active manager, a new one-time setup token (the URL to
 * print is `/setup?token=…`); undefined once a manager exists.
 */
@injectable()
export class OpenFirstRunSetup {
  constructor(@inject(TYPES.SetupTokenRepository) private readonly setupTokens: SetupTokenRepository) {}

  async execute(tenantId: string): Promise<string | undefined> {
    if (await this.setupTokens.hasActiveManager(tenantId)) return undefined;
    const token = newRandomToken();
    await this.setupTokens.replace(tenantId, hashToken(token));
    return token;
  }
}
