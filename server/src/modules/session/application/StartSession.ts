import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { hashApiKey } from '../../../shared/crypto/apiKeys';
import {
  hashToken,
  newRandomToken,
  sameSecret,
  type ConsoleSecrets,
} from '../../../shared/crypto/consoleSecrets';
import { AuthenticationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { User } from '../../identity/domain/User';
import type { ApiKeyRepository, UserRepository } from '../../identity/domain/UserRepository';
import type { ConsoleSession, SessionRepository, SignInMethod } from '../domain/ConsoleSession';
import type { LoginCodeRepository } from '../domain/LoginCodeRepository';
import { SESSION_IDLE_MS } from '../domain/signInRules';
import { signInPhone } from './signInPhone';

export type Credentials = { phone: string; code: string } | { apiKey: string };

export interface StartedSession {
  /** The cookie value: shown to the browser once, stored only as its hash. */
  token: string;
  csrfToken: string;
  session: ConsoleSession;
  user: User;
}

/** `POST /auth/session`: a login code (used once) or an API key opens a console session. */
@injectable()
export class StartSession {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.ConsoleSecrets) private readonly secrets: ConsoleSecrets,
    @inject(TYPES.LoginCodeRepository) private readonly codes: LoginCodeRepository,
    @inject(TYPES.ApiKeyRepository) private readonly apiKeys: ApiKeyRepository,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.SessionRepository) private readonly sessions: SessionRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(credentials: Credentials, userAgent?: string): Promise<StartedSession> {
    if ('apiKey' in credentials) {
      const key = await this.apiKeys.findLiveKey(hashApiKey(credentials.apiKey));
      if (!key) throw new AuthenticationError('The API key is invalid or revoked', 'INVALID_API_KEY');
      return this.open(key.user, 'api_key', userAgent, key.id);
    }
    const user = await this.userOfCode(credentials);
    return this.open(user, 'code', userAgent);
  }

  /** Opens a session for a user already proven (also the first-run setup's way in). */
  async open(
    user: User,
    method: SignInMethod,
    userAgent?: string,
    apiKeyId?: string,
  ): Promise<StartedSession> {
    const token = newRandomToken();
    const tokenHash = hashToken(token);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    return this.unitOfWork.run(async () => {
      const session = await this.sessions.create({
        tenantId: user.tenantId,
        userId: user.id,
        tokenHash,
        method,
        apiKeyId,
        userAgent: userAgent?.slice(0, 300),
        createdAt: now,
        expiresAt,
      });
      await this.audit.record({
        tenantId: user.tenantId,
        actor: user.id,
        action: 'SESSION_STARTED',
        entityType: 'session',
        entityId: session.id,
        details: { method },
      });
      return { token, csrfToken: this.secrets.csrfTokenFor(tokenHash), session, user };
    });
  }

  /** The code names its tenant: a phone that is staff in two tenants got a different code from each. */
  private async userOfCode(credentials: { phone: string; code: string }): Promise<User> {
    const phone = signInPhone(credentials.phone);
    const now = this.clock.now();
    const live = await this.codes.findLive(phone, now);
    const match = live.find((c) =>
      sameSecret(c.codeHash, this.secrets.hashLoginCode(c.tenantId, phone, credentials.code.trim())),
    );
    const invalid = new AuthenticationError('The code is wrong, used or expired', 'INVALID_CODE');
    if (!match) {
      await this.codes.countFailedAttempt(live.map((c) => c.id));
      throw invalid;
    }
    if (!(await this.codes.consume(match.id, now))) throw invalid;
    const user = await this.users.findById(match.tenantId, match.userId);
    if (!user?.active) throw invalid;
    return user;
  }
}
