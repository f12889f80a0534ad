import { inject, injectable } from 'inversify';
import type { CredentialCipher } from '../../../shared/crypto/CredentialCipher';
import type { Database } from '../../../shared/db/Database';
import { ConflictError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { ConnectionSource } from '../domain/ConnectionStatus';
import type {
  ConnectionDefinition,
  ReportedHealth,
  WhatsappConfiguration,
  WhatsappConfigurationRepository,
} from '../domain/WhatsappConfiguration';
import { definitionColumns, healthColumns, toConfiguration, type ConfigurationRow } from './configurationRow';

const TABLE = 'whatsapp_configurations';

@injectable()
export class KnexWhatsappConfigurationRepository implements WhatsappConfigurationRepository {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.CredentialCipher) private readonly cipher: CredentialCipher,
  ) {}

  async save(config: ConnectionDefinition): Promise<WhatsappConfiguration> {
    const values = { ...definitionColumns(config, this.cipher), updated_at: this.db.knex.fn.now() };
    return this.db.run(async () => {
      const existing = await this.db
        .q<ConfigurationRow>(TABLE)
        .where({ tenant_id: config.tenantId, provider: config.provider, source: 'environment' })
        .forUpdate()
        .first('id');
      const [row] = existing
        ? await this.db.q(TABLE).where({ id: existing.id }).update(values).returning('*')
        : await this.db
            .q(TABLE)
            .insert({ ...values, source: 'environment' })
            .returning('*');
      return toConfiguration(row as ConfigurationRow, this.cipher);
    });
  }

  async add(config: ConnectionDefinition & { source: ConnectionSource }): Promise<WhatsappConfiguration> {
    const [row] = await unique(() =>
      this.db
        .q(TABLE)
        .insert({ ...definitionColumns(config, this.cipher), source: config.source })
        .returning('*'),
    );
    return toConfiguration(row as ConfigurationRow, this.cipher);
  }

  async replaceDefinition(id: string, config: ConnectionDefinition): Promise<WhatsappConfiguration> {
    const [row] = await unique(() =>
      this.db
        .q(TABLE)
        .where({ id, tenant_id: config.tenantId })
        .update({ ...definitionColumns(config, this.cipher), updated_at: this.db.knex.fn.now() })
        .returning('*'),
    );
    return toConfiguration(row as ConfigurationRow, this.cipher);
  }

  async remove(id: string): Promise<void> {
    await this.db.q(TABLE).where({ id }).delete();
  }

  async recordHealth(id: string, report: ReportedHealth): Promise<WhatsappConfiguration> {
    const [row] = await this.db
      .q(TABLE)
      .where({ id })
      .update({
        ...healthColumns(report),
        ...(report.health && {
          health: this.db.knex.raw('health || ?::jsonb', [JSON.stringify(report.health)]),
        }),
        updated_at: this.db.knex.fn.now(),
      })
      .returning('*');
    return toConfiguration(row as ConfigurationRow, this.cipher);
  }

  async find(id: string, tenantId?: string, forUpdate = false): Promise<WhatsappConfiguration | undefined> {
    const query = this.db
      .q<ConfigurationRow>(TABLE)
      .where({ id, ...(tenantId && { tenant_id: tenantId }) })
      .first();
    const row = await (forUpdate ? query.forUpdate() : query);
    return row && toConfiguration(row, this.cipher);
  }

  async findByTenant(tenantId: string): Promise<WhatsappConfiguration[]> {
    const rows = await this.db
      .q<ConfigurationRow>(TABLE)
      .where({ tenant_id: tenantId })
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map((r) => toConfiguration(r, this.cipher));
  }

  async claimsOf(config: ConnectionDefinition, exceptId?: string): Promise<WhatsappConfiguration[]> {
    const rows: ConfigurationRow[] = await this.db
      .q<ConfigurationRow>(TABLE)
      .where((claim) => {
        if (config.phoneNumberId) claim.orWhere({ phone_number_id: config.phoneNumberId });
        if (config.phoneNumber)
          claim.orWhere((same) =>
            same
              .where({ phone_number: config.phoneNumber })
              .andWhere((who) =>
                who.where({ provider: config.provider }).orWhereNot({ tenant_id: config.tenantId }),
              ),
          );
        if (config.businessAccountId)
          claim.orWhere((waba) =>
            waba
              .where({ business_account_id: config.businessAccountId })
              .whereNot({ tenant_id: config.tenantId }),
          );
        claim.orWhereRaw('false');
      })
      .modify((q) => {
        if (exceptId) q.whereNot({ id: exceptId });
      });
    return rows.map((r) => toConfiguration(r, this.cipher));
  }

  async listAll(): Promise<WhatsappConfiguration[]> {
    const rows = await this.db
      .q<ConfigurationRow>(TABLE)
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map((r) => toConfiguration(r, this.cipher));
  }
}

/** The unique indexes (one tenant per phone-number id, per provider and number) lose a race as a 409. */
async function unique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new ConflictError('CONNECTION_CONFLICT', 'Another connection already has this number');
    throw error;
  }
}
