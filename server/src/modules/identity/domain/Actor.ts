import { PermissionError } from '../../../shared/errors/AppError';
import { isAllowed, type Action, type Principal } from './PermissionPolicy';

/** Who asks a use case to act, whichever channel the request came through. */
export interface Actor {
  tenantId: string;
  role: Principal;
  /** The staff user; absent for customers. */
  userId?: string;
  /** E.164 (or business-scoped id) of the person, when known. */
  phone?: string;
  name?: string;
  source: 'WHATSAPP' | 'WEB';
}

/** How the actor is written in audit logs and timelines. */
export const actorLabel = (actor: Actor): string => actor.userId ?? `customer:${actor.phone ?? 'unknown'}`;

/** Throws PermissionError (code PERMISSION_DENIED, with the action) when the matrix says no. */
export function assertAllowed(actor: Actor, action: Action): void {
  if (!isAllowed(actor.role, action))
    throw new PermissionError(`A ${actor.role} may not ${action.replace(/_/g, ' ')}`, {
      action,
      role: actor.role,
    });
}
