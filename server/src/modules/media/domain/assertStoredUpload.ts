import { BusinessRuleError } from '../../../shared/errors/AppError';
import { isUuid } from '../../lead/domain/isUuid';
import type { SendableMediaRepository } from './sendableMedia';

/**
 * A media id in our format must be one of the tenant's uploads (POST /media), or the send would
 * fail at the provider later; any other id is taken as the provider's own and passed through.
 */
export async function assertStoredUpload(
  media: SendableMediaRepository,
  tenantId: string,
  id: string | undefined,
  field: string,
): Promise<void> {
  if (!id || !isUuid(id) || (await media.find(tenantId, id))) return;
  throw new BusinessRuleError('MEDIA_NOT_FOUND', `Media ${id} is not a stored upload (POST /media)`, {
    field,
  });
}
