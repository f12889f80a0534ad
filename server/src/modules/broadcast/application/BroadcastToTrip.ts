import { inject, injectable } from 'inversify';
import { ValidationError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { Actor } from '../../identity/domain/Actor';
import { templateParamText } from '../../template/domain/templateSendability';
import { TripCode } from '../../trip/domain/TripCode';
import type { SendBroadcast, SendBroadcastResult } from './SendBroadcast';

export interface BroadcastToTripInput {
  actor: Actor;
  tripCode: string;
  text: string;
}

/** `BROADCAST TRP123 <text>` over WhatsApp: the `trip_broadcast` template to the trip's customers. */
@injectable()
export class BroadcastToTrip {
  constructor(@inject(TYPES.SendBroadcast) private readonly send: SendBroadcast) {}

  async execute(input: BroadcastToTripInput): Promise<SendBroadcastResult> {
    const text = input.text.trim();
    if (!text)
      throw new ValidationError('text is required', [{ field: 'text', message: 'must not be empty' }]);
    return this.send.execute({
      actor: input.actor,
      tripCode: input.tripCode,
      // The text is a message, not a template value: folded onto one line as WhatsApp requires.
      template: {
        name: 'trip_broadcast',
        params: [TripCode.normalize(input.tripCode), templateParamText(text)],
      },
    });
  }
}
