/**
 * What the router remembers about a staff member's conversation (its `context`): the trip of their
 * last command, and field media still waiting to be told which trip it belongs to (SPEC §22).
 */
export interface StaffContext {
  lastTrip?: { code: string; at: string };
  pendingMedia?: PendingFieldMedia[];
}

export interface PendingFieldMedia {
  messageId: string;
  mediaType: string;
  caption?: string;
  transcript?: string;
}

/** Media without a trip code goes to the trip of a command at most this long before it. */
export const RECENT_TRIP_MS = 30 * 60_000;
/** Files waiting for "which trip?" beyond this many are not kept (the oldest go). */
const MAX_PENDING = 20;

export const STAFF_STATE = 'staff';

export function readStaffContext(context: Record<string, unknown> | undefined): StaffContext {
  const { lastTrip, pendingMedia } = (context ?? {}) as StaffContext;
  return {
    ...(lastTrip?.code && lastTrip.at ? { lastTrip } : {}),
    ...(Array.isArray(pendingMedia) && pendingMedia.length ? { pendingMedia } : {}),
  };
}

/** The trip of the last command, if it came at most RECENT_TRIP_MS before `at`. */
export function recentTrip(context: StaffContext, at: Date): string | undefined {
  if (!context.lastTrip) return undefined;
  const age = at.getTime() - new Date(context.lastTrip.at).getTime();
  return age >= 0 && age <= RECENT_TRIP_MS ? context.lastTrip.code : undefined;
}

export const withLastTrip = (context: StaffContext, code: string, at: Date): StaffContext => ({
  ...context,
  lastTrip: { code, at: at.toISOString() },
});

export const withPendingMedia = (context: StaffContext, media: PendingFieldMedia): StaffContext => ({
  ...context,
  pendingMedia: [...(context.pendingMedia ?? []), media].slice(-MAX_PENDING),
});

export const withoutPendingMedia = ({ lastTrip }: StaffContext): StaffContext =>
  lastTrip ? { lastTrip } : {};
