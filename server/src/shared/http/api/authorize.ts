import { assertAllowed, type Actor } from '../../../modules/identity/domain/Actor';
import { isAllowed, type Action } from '../../../modules/identity/domain/PermissionPolicy';
import type { RouteDefinition } from './RouteDefinition';

/** The route's gate, decided by the same policy the WhatsApp commands use. */
export function authorize(actor: Actor, permission: RouteDefinition['permission']): void {
  if (permission === 'authenticated' || permission === 'public') return;
  const actions: readonly Action[] = typeof permission === 'string' ? [permission] : permission;
  if (actions.some((action) => isAllowed(actor.role, action))) return;
  assertAllowed(actor, actions[0]);
}
