import { ValidationError } from '../../../shared/errors/AppError';

/** With `notifyCustomers`, the words for the trip's customers are required (staff notes stay internal). */
export function customerMessageFor(input: {
  notifyCustomers?: boolean;
  message?: string;
}): string | undefined {
  if (!input.notifyCustomers) return undefined;
  const text = input.message?.trim();
  if (!text)
    throw new ValidationError('A message for the customers is required', [
      { field: 'message', message: 'required when notifyCustomers is true' },
    ]);
  return text;
}
