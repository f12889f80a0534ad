import type { Actor } from '../modules/identity/domain/Actor';
import type { RoutableMessage } from '../modules/message/domain/MessageRouter';

export interface CustomerMessage {
  actor: Actor;
  message: RoutableMessage;
}
