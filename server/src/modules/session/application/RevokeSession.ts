import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { SessionRepository } from '../domain/ConsoleSession';

/**
 * Signing out, or ending a session from elsewhere (a lost phone): anyone may end their own
 * sessions, a manager any session of the tenant.
 */
@injectable()
export class RevokeSession {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.SessionRepository) private readonly sessions: SessionRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, sessionId: string): Promise<void> {
    await this.unitOfWork.run(async () => {
      const session = await this.sessions.findById(actor.tenantId, sessionId);
      if (!session) throw new NotFoundError('session', sessionId);
      if (session.userId !== actor.userId) assertAllowed(actor, 'manage_users');
      if (!(await this.sessions.revoke(actor.tenantId, sessionId, this.clock.now()))) return;
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'SESSION_REVOKED',
        entityType: 'session',
        entityId: sessionId,
        details: { userId: session.userId },
      });
    });
  }
}
