import type { Principal } from '../../modules/identity/domain/PermissionPolicy';

const FIELD_WORK = [
  'CHECKIN TRP123 [note]',
  'ISSUE TRP123 <what happened>',
  'RESOLVED TRP123 | INC-7 [note]',
  'STATUS TRP123 | INC-7',
];

/** What HELP lists for each staff role (SPEC §6, §22). */
export const STAFF_COMMANDS: Record<Exclude<Principal, 'customer'>, string[]> = {
  field_staff: [
    ...FIELD_WORK,
    'a photo, document or voice note: with the trip code in the caption, or within 30 minutes of a command about the trip',
  ],
  operations: [...FIELD_WORK, 'UPDATE INC-7 <progress>', 'BROADCAST TRP123 <message>'],
  manager: [...FIELD_WORK, 'UPDATE INC-7 <progress>', 'BROADCAST TRP123 <message>', 'APPROVE Q-12'],
  sales: [],
};
