import { ValidationError } from '../../../shared/errors/AppError';
import { resolveTarget, TargetRefused } from '../infrastructure/TargetGuard';

/** Refused at once (400 naming `url`) when the URL points at a private address; checked again at each delivery. */
export async function assertWebhookTarget(url: string, allowPrivateTargets: boolean): Promise<void> {
  try {
    await resolveTarget(new URL(url), allowPrivateTargets);
  } catch (error) {
    if (!(error instanceof TargetRefused)) throw error;
    throw new ValidationError(`url is not allowed: ${error.message}`, [
      { field: 'url', message: error.message },
    ]);
  }
}
