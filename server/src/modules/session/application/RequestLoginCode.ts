import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { ConsoleSecrets } from '../../../shared/crypto/consoleSecrets';
import type { Logger } from '../../../shared/logging/createLogger';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { User } from '../../identity/domain/User';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import { loginCodeMessage } from '../domain/loginCodeMessage';
import type { LoginCodeRepository } from '../domain/LoginCodeRepository';
import { LOGIN_CODE_TTL_MS, LOGIN_CODES_PER_HOUR } from '../domain/signInRules';
import type { StaffLookup } from '../domain/StaffLookup';
import { signInPhone } from './signInPhone';

export interface RequestLoginCodeInput {
  phone: string;
  /** Narrows the sign-in to one tenant (id or slug) when the phone is staff in several. */
  tenant?: string;
}

/**
 * `POST /auth/login-code`: a 6-digit code over WhatsApp (template `login_code`) to each active
 * staff user with that phone. The answer never says whether the phone is staff, nor that the
 * hourly limit stopped a code: either would let anyone enumerate the staff's numbers.
 */
@injectable()
export class RequestLoginCode {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.ConsoleSecrets) private readonly secrets: ConsoleSecrets,
    @inject(TYPES.StaffLookup) private readonly staff: StaffLookup,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.LoginCodeRepository) private readonly codes: LoginCodeRepository,
    @inject(TYPES.OutboundQueue) private readonly queue: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async execute(input: RequestLoginCodeInput): Promise<void> {
    const phone = signInPhone(input.phone);
    const tenantId = input.tenant ? ((await this.tenantOf(input.tenant)) ?? 'none') : undefined;
    const users = tenantId === 'none' ? [] : await this.staff.activeByPhone(phone, tenantId);
    for (const user of users) await this.sendTo(user);
  }

  private async sendTo(user: User): Promise<void> {
    const now = this.clock.now();
    await this.unitOfWork.run(async () => {
      const hourAgo = new Date(now.getTime() - 60 * 60_000);
      if ((await this.codes.countIssuedSince(user.tenantId, user.phone, hourAgo)) >= LOGIN_CODES_PER_HOUR) {
        this.logger.warn({ tenantId: user.tenantId, userId: user.id }, 'login code refused: hourly limit');
        return;
      }
      const code = this.secrets.newLoginCode();
      await this.codes.add({
        tenantId: user.tenantId,
        userId: user.id,
        phone: user.phone,
        codeHash: this.secrets.hashLoginCode(user.tenantId, user.phone, code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + LOGIN_CODE_TTL_MS),
      });
      const tenant = await this.tenants.findById(user.tenantId);
      await this.queue.enqueue(loginCodeMessage(user.tenantId, user.phone, code, tenant?.defaultLanguage));
      await this.audit.record({
        tenantId: user.tenantId,
        actor: user.id,
        action: 'LOGIN_CODE_SENT',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  private async tenantOf(idOrSlug: string): Promise<string | undefined> {
    const byId = /^[0-9a-f-]{36}$/i.test(idOrSlug) ? await this.tenants.findById(idOrSlug) : undefined;
    return (byId ?? (await this.tenants.findBySlug(idOrSlug)))?.id;
  }
}
