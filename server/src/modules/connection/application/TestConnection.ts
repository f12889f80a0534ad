import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { Clock } from '../../../shared/clock/Clock';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { EventLog } from '../../events/domain/EventLog';
import type { ConnectionProbe, ProbeResult } from '../domain/ConnectionProbe';
import type { WhatsappConfiguration, WhatsappConfigurationRepository } from '../domain/WhatsappConfiguration';
import { auditConnection, connectionOrNotFound } from './connectionGuards';
import { healthEvent } from './healthEvent';
import type { TenantDirectory } from './TenantDirectory';

export type ConnectionTestResult = ProbeResult & { checkedAt: string };

/**
 * Asks the provider whether the number works, and records what it says on the connection: its
 * display number, verified name, quality and limit; a pending connection that passes becomes active.
 */
@injectable()
export class TestConnection {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly connections: WhatsappConfigurationRepository,
    @inject(TYPES.ConnectionProbe) private readonly probe: ConnectionProbe,
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async execute(input: { id: string; tenantId?: string; by: string }): Promise<ConnectionTestResult> {
    const connection = await connectionOrNotFound(this.connections, input.id, input.tenantId, false);
    // The provider is asked outside any transaction: a slow answer holds no lock.
    const answer = this.webhookChecked(connection, await this.probe.probe(connection));
    const { ok, error } = answer;
    const checkedAt = this.clock.now().toISOString();
    await this.unitOfWork.run(async () => {
      const current = await connectionOrNotFound(this.connections, connection.id);
      const recorded = await this.connections.recordHealth(current.id, {
        ...(ok && current.status === 'pending' && { status: 'active' as const }),
        displayPhoneNumber: answer.displayPhoneNumber,
        verifiedName: answer.verifiedName,
        qualityRating: answer.qualityRating,
        messagingLimitTier: answer.messagingLimitTier,
        nameStatus: answer.nameStatus,
        health: { lastTest: { ok, checkedAt, ...(error && { error }) } },
      });
      await this.events.append([healthEvent(recorded)]);
      await auditConnection(this.audit, input.by, 'CONNECTION_TESTED', current, { ok, error });
    });
    this.directory.invalidate();
    return { ...answer, checkedAt };
  }

  /** 360dialog delivers to the registered URL only: one that is not ours means nothing arrives here. */
  private webhookChecked(connection: WhatsappConfiguration, answer: ProbeResult): ProbeResult {
    if (connection.provider !== '360dialog' || !answer.ok) return answer;
    const expected = `${this.config.publicBaseUrl}/api/whatsapp/webhook?orgId=${connection.tenantId}`;
    if (answer.webhookUrl === expected) return answer;
    return {
      ...answer,
      ok: false,
      error: `the webhook is registered at ${answer.webhookUrl ?? 'no URL'}, not ${expected}`,
    };
  }
}
