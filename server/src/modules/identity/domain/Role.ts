export const ROLES = ['sales', 'operations', 'field_staff', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
