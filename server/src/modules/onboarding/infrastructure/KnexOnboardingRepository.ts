import { inject, injectable } from 'inversify';
import type { CredentialCipher } from '../../../shared/crypto/CredentialCipher';
import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import { TYPES } from '../../../types';
import type { Onboarding, OnboardingSecrets } from '../domain/Onboarding';
import type { NewOnboarding, OnboardingRepository } from '../domain/OnboardingRepository';

const TABLE = 'onboardings';
/** Every column but the secrets. */
const LISTED = [
  'id',
  'tenant_id',
  'provider',
  'status',
  'waba_id',
  'phone_number_id',
  'channel_id',
  'steps',
  'facts',
  'connection_id',
  'started_by',
  'created_at',
  'updated_at',
];

interface Row {
  id: string;
  tenant_id: string;
  provider: Onboarding['provider'];
  status: Onboarding['status'];
  waba_id: string | null;
  phone_number_id: string | null;
  channel_id: string | null;
  steps: Onboarding['steps'];
  facts: Onboarding['facts'];
  secrets: string | null;
  connection_id: string | null;
  started_by: string | null;
  created_at: Date;
  updated_at: Date;
}

@injectable()
export class KnexOnboardingRepository implements OnboardingRepository {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.CredentialCipher) private readonly cipher: CredentialCipher,
  ) {}

  async createOnce(requestKey: string, o: NewOnboarding) {
    const [inserted] = await this.db
      .q(TABLE)
      .insert({
        tenant_id: o.tenantId,
        provider: o.provider,
        request_key: requestKey,
        waba_id: o.wabaId ?? null,
        phone_number_id: o.phoneNumberId ?? null,
        channel_id: o.channelId ?? null,
        steps: JSON.stringify(o.steps),
        facts: JSON.stringify(o.facts),
        secrets: this.cipher.encrypt({ ...o.secrets }),
        started_by: o.startedBy ?? null,
      })
      .onConflict('request_key')
      .ignore()
      .returning('*');
    if (inserted) return { onboarding: this.toOnboarding(inserted as Row), created: true };
    const existing: Row | undefined = await this.db.q(TABLE).where({ request_key: requestKey }).first();
    return { onboarding: this.toOnboarding(existing as Row), created: false };
  }

  async find(id: string, tenantId?: string, forUpdate = false): Promise<Onboarding | undefined> {
    const query = this.db
      .q<Row>(TABLE)
      .where({ id, ...(tenantId && { tenant_id: tenantId }) })
      .first();
    const row = await (forUpdate ? query.forUpdate() : query);
    return row && this.toOnboarding(row);
  }

  async list(tenantId: string, page: PageRequest, status?: Onboarding['status']): Promise<Page<Onboarding>> {
    // Secrets are neither read nor decrypted for a list: nothing of them is shown.
    const query = this.db
      .q(TABLE)
      .where({ tenant_id: tenantId, ...(status && { status }) })
      .select(LISTED);
    const { rows, nextCursor } = await keysetPage<Omit<Row, 'secrets'>>(this.db, query, page);
    return { data: rows.map((r) => this.toOnboarding({ ...r, secrets: null })), nextCursor };
  }

  async save(o: Onboarding): Promise<Onboarding> {
    const [row] = await this.db
      .q(TABLE)
      .where({ id: o.id, tenant_id: o.tenantId })
      .update({
        status: o.status,
        steps: JSON.stringify(o.steps),
        facts: JSON.stringify(o.facts),
        secrets: this.cipher.encrypt({ ...o.secrets }),
        connection_id: o.connectionId ?? null,
        updated_at: this.db.knex.fn.now(),
      })
      .returning('*');
    return this.toOnboarding(row as Row);
  }

  async lease(id: string, now: Date, until: Date): Promise<Onboarding | undefined> {
    const [row] = await this.db
      .q(TABLE)
      .where({ id, status: 'running' })
      .andWhere((free) => free.whereNull('lease_until').orWhere('lease_until', '<', now))
      .update({ lease_until: until })
      .returning('*');
    return row && this.toOnboarding(row as Row);
  }

  async release(id: string): Promise<void> {
    await this.db.q(TABLE).where({ id }).update({ lease_until: null });
  }

  async pinOf(tenantId: string, phoneNumberId: string): Promise<string | undefined> {
    const row: Row | undefined = await this.db
      .q(TABLE)
      .where({ tenant_id: tenantId, provider: 'meta', phone_number_id: phoneNumberId, status: 'done' })
      .orderBy('updated_at', 'desc')
      .first();
    return row && this.toOnboarding(row).secrets.pin;
  }

  async orphaned(now: Date, limit: number): Promise<string[]> {
    return this.db
      .q(TABLE)
      .where({ status: 'running' })
      .andWhere((free) => free.whereNull('lease_until').orWhere('lease_until', '<', now))
      .orderBy('created_at')
      .limit(limit)
      .pluck('id');
  }

  private toOnboarding(r: Row): Onboarding {
    return {
      id: r.id,
      tenantId: r.tenant_id,
      provider: r.provider,
      status: r.status,
      wabaId: r.waba_id ?? undefined,
      phoneNumberId: r.phone_number_id ?? undefined,
      channelId: r.channel_id ?? undefined,
      steps: r.steps,
      facts: r.facts ?? {},
      secrets: r.secrets ? this.cipher.decrypt<OnboardingSecrets>(r.secrets) : {},
      connectionId: r.connection_id ?? undefined,
      startedBy: r.started_by ?? undefined,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }
}
