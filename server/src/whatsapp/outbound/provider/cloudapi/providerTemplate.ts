import {
  templateStatusFromEvent,
  type TemplateStatus,
} from '../../../../modules/template/domain/TemplateStatus';
import type { ProviderTemplate } from '../TemplateProviderApi';
import { fromCloudApiComponents } from './templateComponents';

/**
 * A provider status word as ours: Meta's (APPROVED, IN_APPEAL, …) and 360dialog's lower-case ones
 * (`submitted` while Meta reviews). FLAGGED templates still send; an unknown word counts as pending.
 */
export function templateStatusOf(providerStatus: string): TemplateStatus {
  const word = providerStatus.toUpperCase();
  if (word === 'SUBMITTED') return 'PENDING';
  if (word === 'FLAGGED') return 'APPROVED';
  return templateStatusFromEvent(word) ?? 'PENDING';
}

const str = (value: unknown) =>
  typeof value === 'string' ? value : value == null ? undefined : String(value);

/** One Cloud API template listing entry (Meta `data[]`, 360dialog `waba_templates[]`); undefined without an id. */
export function readProviderTemplate(raw: unknown): ProviderTemplate | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const entry = raw as Record<string, unknown>;
  const id = str(entry.id) ?? str(entry.external_id);
  const name = str(entry.name);
  if (!id || !name) return undefined;
  const components = Array.isArray(entry.components) ? entry.components : [];
  const providerStatus = str(entry.status) ?? 'PENDING';
  const reason = str(entry.rejected_reason);
  return {
    providerTemplateId: id,
    name,
    language: str(entry.language) ?? '',
    category: (str(entry.category) ?? '').toUpperCase(),
    status: templateStatusOf(providerStatus),
    providerStatus,
    ...(reason && reason !== 'NONE' ? { rejectedReason: reason } : {}),
    ...fromCloudApiComponents(components),
    components,
  };
}
