import { AppError, BusinessRuleError, UnavailableError } from '../../../../shared/errors/AppError';
import { ProviderError } from '../ProviderError';

/**
 * A provider's answer to a template call, as the staff member who made it should see it: a
 * refusal names the provider's code and reason (what to fix), credentials problems say so, and
 * anything temporary is UNAVAILABLE (try again). Other errors pass through.
 */
export function providerFailure(error: unknown): unknown {
  if (!(error instanceof ProviderError)) return error;
  const details = { providerCode: error.code, providerMessage: error.title };
  if (error.retryable)
    return new UnavailableError('The WhatsApp provider is busy or unavailable; try again later');
  if (error.kind === 'auth')
    return new BusinessRuleError(
      'PROVIDER_AUTH',
      `The WhatsApp provider refused our credentials: ${error.title}`,
      details,
    );
  return new BusinessRuleError(
    'TEMPLATE_REFUSED',
    `The WhatsApp provider refused the template: ${error.title}`,
    details,
  );
}

/** Runs a provider call, translating its failure. */
export async function viaProvider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw providerFailure(error) as AppError | Error;
  }
}
