import { lazy, type ComponentType } from 'react';
import type { MessageKey } from '../lib/i18n/en';

export interface PageEntry {
  path: string;
  title: MessageKey;
  /** The roles that see the page (SPEC §3's matrix). */
  roles: string[];
  component: ComponentType;
  nest?: boolean;
}

const SALES = ['sales', 'manager'];
const OPERATIONS = ['operations', 'manager'];
const EVERYONE = ['sales', 'operations', 'field_staff', 'manager'];

/** Every page of the console, each its own chunk (code-split per page). */
export const PAGES: PageEntry[] = [
  {
    path: '/inbox',
    title: 'nav.inbox',
    roles: ['sales', 'operations', 'manager'],
    component: lazy(() => import('../features/inbox')),
    nest: true,
  },
  { path: '/leads', title: 'nav.leads', roles: SALES, component: lazy(() => import('../features/leads')) },
  {
    path: '/bookings',
    title: 'nav.bookings',
    roles: ['sales', 'operations', 'manager'],
    component: lazy(() => import('../features/bookings')),
  },
  {
    path: '/trips',
    title: 'nav.trips',
    roles: [...OPERATIONS, 'field_staff'],
    component: lazy(() => import('../features/trips')),
    nest: true,
  },
  {
    path: '/incidents',
    title: 'nav.incidents',
    roles: [...OPERATIONS, 'field_staff'],
    component: lazy(() => import('../features/incidents')),
  },
  {
    path: '/templates',
    title: 'nav.templates',
    roles: OPERATIONS,
    component: lazy(() => import('../features/templates')),
  },
  {
    path: '/broadcasts',
    title: 'nav.broadcasts',
    roles: OPERATIONS,
    component: lazy(() => import('../features/broadcasts')),
    nest: true,
  },
  {
    path: '/contacts',
    title: 'nav.contacts',
    roles: ['sales', 'operations', 'manager'],
    component: lazy(() => import('../features/contacts')),
  },
  {
    path: '/analytics',
    title: 'nav.analytics',
    roles: ['manager'],
    component: lazy(() => import('../features/analytics')),
  },
  {
    path: '/audit',
    title: 'nav.audit',
    roles: ['manager'],
    component: lazy(() => import('../features/audit')),
  },
  {
    path: '/settings',
    title: 'nav.settings',
    roles: EVERYONE,
    component: lazy(() => import('../features/settings')),
  },
];
