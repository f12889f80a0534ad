import type { Page, PageRequest } from '../../../shared/db/keysetPage';
import type { Onboarding } from './Onboarding';

export type NewOnboarding = Omit<Onboarding, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'connectionId'>;

/** Port: the onboardings (table `onboardings`), secrets encrypted at rest. */
export interface OnboardingRepository {
  /**
   * Inserts the onboarding unless one with the same request key exists (the same code or channel
   * submitted twice); either way returns the stored one and whether this call created it.
   */
  createOnce(
    requestKey: string,
    onboarding: NewOnboarding,
  ): Promise<{ onboarding: Onboarding; created: boolean }>;
  find(id: string, tenantId?: string, forUpdate?: boolean): Promise<Onboarding | undefined>;
  /** The tenant's onboardings, newest first, without their secrets. */
  list(tenantId: string, page: PageRequest, status?: Onboarding['status']): Promise<Page<Onboarding>>;
  /** Writes status, steps, facts, secrets and the connection id. */
  save(onboarding: Onboarding): Promise<Onboarding>;
  /**
   * Takes the right to run the steps until `until`: only a running onboarding whose lease is free
   * or expired (its instance died). Undefined when another instance holds it.
   */
  lease(id: string, now: Date, until: Date): Promise<Onboarding | undefined>;
  release(id: string): Promise<void>;
  /** The PIN this tenant last registered the number with (a finished onboarding), if any. */
  pinOf(tenantId: string, phoneNumberId: string): Promise<string | undefined>;
  /** Running onboardings nobody holds (the server restarted mid-way). */
  orphaned(now: Date, limit: number): Promise<string[]>;
}
