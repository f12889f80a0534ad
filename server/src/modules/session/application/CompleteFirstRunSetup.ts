import { inject, injectable } from 'inversify';
import { hashToken } from '../../../shared/crypto/consoleSecrets';
import { AuthenticationError, BusinessRuleError } from '../../../shared/errors/AppError';
import type { Logger } from '../../../shared/logging/createLogger';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { CreateUser } from '../../identity/application/CreateUser';
import type { SeedDefaultTemplates } from '../../template/application/SeedDefaultTemplates';
import type { SetupTokenRepository } from '../domain/SetupTokenRepository';
import type { StartedSession, StartSession } from './StartSession';

export interface FirstManager {
  token: string;
  name: string;
  phone: string;
  userAgent?: string;
}

/**
 * `POST /setup`: the first manager of the tenant, created from the browser with the one-time
 * token printed at start-up; they are signed in at once. The token works once and only while the
 * tenant has no manager. The default templates are seeded then, so that login codes can go out.
 */
@injectable()
export class CompleteFirstRunSetup {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.SetupTokenRepository) private readonly setupTokens: SetupTokenRepository,
    @inject(TYPES.CreateUser) private readonly createUser: CreateUser,
    @inject(TYPES.StartSession) private readonly startSession: StartSession,
    @inject(TYPES.SeedDefaultTemplates) private readonly seedTemplates: SeedDefaultTemplates,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async execute(input: FirstManager): Promise<StartedSession & { apiKey: string }> {
    const tokenHash = hashToken(input.token);
    const started = await this.unitOfWork.run(async () => {
      const tenantId = await this.setupTokens.findTenant(tokenHash);
      if (!tenantId || !(await this.setupTokens.consume(tenantId, tokenHash)))
        throw new AuthenticationError(
          'This setup link was used already or is not valid',
          'INVALID_SETUP_TOKEN',
        );
      if (await this.setupTokens.hasActiveManager(tenantId))
        throw new BusinessRuleError('SETUP_DONE', 'The business already has a manager: sign in instead');
      const { user, apiKey } = await this.createUser.execute({
        tenantId,
        ...input,
        role: 'manager',
        via: 'setup',
      });
      return { ...(await this.startSession.open(user, 'setup', input.userAgent)), apiKey };
    });
    await this.seedTemplates.execute({ tenantId: started.user.tenantId }).catch((error: unknown) => {
      this.logger.warn({ err: error, tenantId: started.user.tenantId }, 'default templates not seeded');
    });
    return started;
  }
}
